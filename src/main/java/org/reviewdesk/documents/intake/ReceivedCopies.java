package org.reviewdesk.documents.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local temporary copies uploads are received into. Deleting one is left to a thread of its own
 * after the upload has answered: unlinking a 10 MB file on ext4 took 7-11 ms (returning its blocks and
 * cached pages), a tenth of the whole upload against an S3 server in another process. When that
 * thread falls behind, the uploading thread deletes its copy itself, so copies never pile up.
 */
final class ReceivedCopies implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReceivedCopies.class);
    private static final int QUEUE = 64;
    /** How the intake names its copies, so that {@link LeftoverCopies} sweeps only those. */
    static final String PREFIX = "reviewdesk-upload-", SUFFIX = ".bin";

    private final ThreadPoolExecutor deleting = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE), runnable -> {
                Thread thread = new Thread(runnable, "upload-copy-cleanup");
                thread.setDaemon(true);
                return thread;
            }, (task, executor) -> task.run()); // behind, or stopping: the uploading thread deletes its own

    ReceivedCopies() {
        deleting.allowCoreThreadTimeOut(true);
    }

    Path create() {
        try {
            return Files.createTempFile(PREFIX, SUFFIX);
        } catch (IOException e) {
            throw new IllegalStateException("No room for a temporary copy of an upload", e);
        }
    }

    /** Deletes {@code copy} soon; nothing may read it any more. */
    void discard(Path copy) {
        deleting.execute(() -> delete(copy));
    }

    /** Deletes what is queued before the node stops, so no copy outlives it. */
    @Override
    public void close() {
        deleting.shutdown();
        try {
            if (!deleting.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("Temporary upload copies still being deleted at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void delete(Path copy) {
        try {
            Files.deleteIfExists(copy);
        } catch (IOException e) {
            log.warn("Could not delete the temporary file {}", copy, e);
        }
    }
}
