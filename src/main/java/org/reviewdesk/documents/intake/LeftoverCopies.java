package org.reviewdesk.documents.intake;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sweeps, once at start-up, the temporary copies of uploads ({@link ReceivedCopies}) that a node
 * killed between receiving and deleting left behind: nothing else ever deletes them. Only files the
 * intake names itself ({@code reviewdesk-upload-*.bin}) in its own folder (the JVM's temporary
 * folder, node-local) are touched. Several JVMs may share that folder on one machine (a test run next
 * to a node), so a copy touched in the last {@link #IN_USE} is taken for another live process's and
 * kept; a leftover that young goes at the next start.
 */
@Component
class LeftoverCopies {

    private static final Logger log = LoggerFactory.getLogger(LeftoverCopies.class);
    /** Longer than any upload keeps its copy (received, checked and stored: seconds). */
    static final Duration IN_USE = Duration.ofMinutes(15);

    private final Path folder;
    private final Clock clock;

    LeftoverCopies() {
        this(Path.of(System.getProperty("java.io.tmpdir")), Clock.systemUTC());
    }

    LeftoverCopies(Path folder, Clock clock) {
        this.folder = folder;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        int swept = sweep();
        if (swept > 0) {
            log.info("Deleted {} temporary upload copies left behind in {}", swept, folder);
        } else {
            log.debug("No temporary upload copies left behind in {}", folder);
        }
    }

    /** Deletes the intake's copies older than {@link #IN_USE}; returns how many went. */
    int sweep() {
        Instant before = clock.instant().minus(IN_USE);
        int swept = 0;
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(folder, ReceivedCopies.PREFIX + "*" + ReceivedCopies.SUFFIX)) {
            for (Path copy : copies) {
                try {
                    if (Files.isRegularFile(copy) && Files.getLastModifiedTime(copy).toInstant().isBefore(before)
                            && Files.deleteIfExists(copy)) {
                        swept++;
                    }
                } catch (IOException e) {
                    log.warn("Could not delete the left-over upload copy {}", copy, e);
                }
            }
        } catch (IOException e) {
            log.warn("Could not look for left-over upload copies in {}", folder, e);
        }
        return swept;
    }
}
