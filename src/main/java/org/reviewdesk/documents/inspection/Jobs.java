package org.reviewdesk.documents.inspection;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What inspection and rendering share: the checks before a job is queued, and turning whatever a
 * hostile file makes the libraries throw into a refusal.
 */
final class Jobs {

    private static final long MEGABYTE = 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    private Jobs() {
    }

    static Optional<Refusal> checkSize(long bytes, InspectionLimits limits) {
        if (bytes <= 0) {
            return Optional.of(Refusal.of(RefusalReason.EMPTY));
        }
        if (bytes > limits.maxBytes()) {
            return Optional.of(Refusal.of(RefusalReason.TOO_LARGE, megabytes(limits.maxBytes())));
        }
        return Optional.empty();
    }

    private static String megabytes(long bytes) {
        double value = (double) bytes / MEGABYTE;
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** The size of a file the caller wrote; failing to read it is the server's problem, not the file's. */
    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("No such file: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<DocumentType> detect(Path file) {
        try {
            return ContentSniffer.detect(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code job} in the worker and waits; anything a malformed file makes PDFBox or ImageIO
     * throw becomes a refusal (see {@link #refusing}), so the caller only ever sees a result or an
     * {@link InspectionRefusedException}.
     */
    static <T> T run(InspectionWorker worker, Callable<T> job) {
        return worker.run(refusing(job));
    }

    /** {@link #run} without waiting: the future completes with the result or the refusal. */
    static <T> CompletableFuture<T> submit(InspectionWorker worker, Callable<T> job) {
        return worker.submit(refusing(job));
    }

    /**
     * {@code job}, with whatever a malformed file makes the libraries throw turned into a refusal
     * ({@link RefusalReason#DAMAGED}, or {@link RefusalReason#NESTING_TOO_DEEP} for a stack overflow).
     */
    private static <T> Callable<T> refusing(Callable<T> job) {
        return () -> {
            try {
                return job.call();
            } catch (InspectionRefusedException e) {
                log.info("File refused: {}", e.getMessage());
                throw e;
            } catch (InterruptedIOException | ClosedByInterruptException e) {
                throw InspectionRefusedException.of(RefusalReason.TIMEOUT, "cancelled");
            } catch (StackOverflowError e) {
                log.info("File refused: nesting overflowed the stack");
                throw InspectionRefusedException.of(RefusalReason.NESTING_TOO_DEEP, "stack overflow");
            } catch (Exception e) {
                log.info("File refused as damaged: {}", e.toString());
                throw InspectionRefusedException.of(RefusalReason.DAMAGED, e.toString());
            }
        };
    }

    /** What a future of {@link #submit} completed with, thrown as it was thrown in the job. */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
