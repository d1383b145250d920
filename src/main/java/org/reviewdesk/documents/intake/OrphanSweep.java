package org.reviewdesk.documents.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.reviewdesk.documents.DocumentStoreException;
import org.reviewdesk.documents.ObjectStore;
import org.reviewdesk.platform.ScheduledLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes stored objects that no committed record names (an upload whose record failed, a node that
 * died between storing and committing) once they are older than the grace period, and reports
 * records whose object is missing. Only keys under the intake's own prefixes are touched. One node
 * of the cluster sweeps each round ({@link ScheduledLock}).
 */
@Component
public class OrphanSweep {

    static final String LOCK = "documents.orphan-sweep";

    private static final Logger log = LoggerFactory.getLogger(OrphanSweep.class);

    private final ObjectStore store;
    private final DocumentRepository documents;
    private final DocumentPreviewRepository previews;
    private final ScheduledLock lock;
    private final IntakeProperties properties;
    private final Clock clock;

    OrphanSweep(ObjectStore store, DocumentRepository documents, DocumentPreviewRepository previews,
                ScheduledLock lock, IntakeProperties properties, Clock clock) {
        this.store = store;
        this.documents = documents;
        this.previews = previews;
        this.lock = lock;
        this.properties = properties;
        this.clock = clock;
    }

    /** What one sweep did: the orphans it deleted, and the ids of records whose object is missing. */
    public record Report(List<String> deletedKeys, List<Long> missingObjectDocumentIds) {
    }

    @Scheduled(initialDelayString = "${reviewdesk.documents.intake.sweep-interval:PT1H}",
            fixedDelayString = "${reviewdesk.documents.intake.sweep-interval:PT1H}")
    void scheduled() {
        if (!lock.tryAcquire(LOCK, properties.sweepInterval().dividedBy(2))) {
            log.debug("Another node sweeps orphaned documents this round");
            return;
        }
        try {
            sweep(properties.orphanGrace());
        } catch (DocumentStoreException e) {
            log.warn("Orphan sweep skipped, the document store is unavailable: {}", e.getMessage());
        }
    }

    public Report sweep(Duration grace) {
        Instant cutoff = clock.instant().minus(grace);
        List<String> deleted = new ArrayList<>();
        try (Stream<String> keys = store.keysLastModifiedBefore(cutoff)) {
            keys.filter(this::orphan).forEach(key -> {
                store.delete(key);
                deleted.add(key);
            });
        }
        List<Long> missing = new ArrayList<>();
        for (DocumentRepository.KeyOfRecord record : documents.keysCreatedBefore(cutoff.atOffset(ZoneOffset.UTC))) {
            if (store.stat(record.getStorageKey()).isEmpty()) {
                missing.add(record.getId());
            }
        }
        if (!deleted.isEmpty()) {
            log.info("Orphan sweep deleted {} objects without a record: {}", deleted.size(), deleted);
        }
        if (!missing.isEmpty()) {
            log.error("Documents whose stored object is missing: {}", missing);
        }
        return new Report(List.copyOf(deleted), List.copyOf(missing));
    }

    private boolean orphan(String key) {
        if (key.startsWith(DocumentService.ORIGINALS)) {
            return !documents.existsByStorageKey(key);
        }
        if (key.startsWith(PreviewJobs.PREFIX)) {
            return !previews.existsByStorageKey(key);
        }
        return false;
    }
}
