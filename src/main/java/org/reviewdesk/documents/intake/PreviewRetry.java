package org.reviewdesk.documents.intake;

import java.time.Duration;
import java.util.List;
import org.reviewdesk.documents.DocumentStoreException;
import org.reviewdesk.documents.ObjectStore;
import org.reviewdesk.platform.ScheduledLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Renders FAILED previews again once the document store answers, so previews come back by
 * themselves after an outage of the store instead of waiting for a reviewer's "render again". A
 * document is tried {@code max-attempts} times by these rounds (a file no renderer can read stays
 * FAILED, for the reviewer); a round while the store is still away counts no attempt. One node of
 * the cluster runs each round ({@link ScheduledLock}).
 */
@Component
class PreviewRetry {

    static final String LOCK = "documents.preview-retry";
    private static final int BATCH = 50;

    private static final Logger log = LoggerFactory.getLogger(PreviewRetry.class);

    private final ObjectStore store;
    private final PreviewJobs previewJobs;
    private final ScheduledLock lock;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Duration interval;
    private final int maxAttempts;

    PreviewRetry(ObjectStore store, PreviewJobs previewJobs, ScheduledLock lock, JdbcClient jdbc, PlatformTransactionManager transactions,
                 @Value("${reviewdesk.documents.intake.preview-retry-interval:PT1M}") Duration interval,
                 @Value("${reviewdesk.documents.intake.preview-retry-attempts:3}") int maxAttempts) {
        this.store = store;
        this.previewJobs = previewJobs;
        this.lock = lock;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.interval = interval;
        this.maxAttempts = maxAttempts;
    }

    @Scheduled(initialDelayString = "${reviewdesk.documents.intake.preview-retry-interval:PT1M}",
            fixedDelayString = "${reviewdesk.documents.intake.preview-retry-interval:PT1M}")
    void scheduled() {
        if (!lock.tryAcquire(LOCK, interval.dividedBy(2))) {
            return;
        }
        try {
            if (!store.bucketExists()) {
                return;
            }
        } catch (DocumentStoreException e) {
            log.debug("Preview retry waits for the document store: {}", e.getMessage());
            return;
        }
        retryFailed();
    }

    /** Queues up to one batch of FAILED previews with attempts left; returns how many. */
    int retryFailed() {
        List<Long> ids = transaction.execute(status -> {
            List<Long> failed = jdbc.sql("""
                            select id from document where preview_state = 'FAILED' and preview_attempts < :max
                            order by id fetch first %d rows only""".formatted(BATCH))
                    .param("max", maxAttempts).query(Long.class).list();
            // the state guard: of two nodes (a lock that expired mid-round) only one takes each document
            return failed.stream().filter(id -> jdbc.sql("""
                            update document set preview_state = 'PENDING', preview_attempts = preview_attempts + 1
                            where id = :id and preview_state = 'FAILED'""")
                    .param("id", id).update() == 1).toList();
        });
        ids.forEach(previewJobs::renderAfterCommit);
        if (!ids.isEmpty()) {
            log.info("Rendering the previews of {} documents again after they failed", ids.size());
        }
        return ids.size();
    }
}
