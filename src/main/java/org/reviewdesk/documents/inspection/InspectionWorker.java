package org.reviewdesk.documents.inspection;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded worker that inspections and renderings run in: a fixed pool of
 * {@code maxConcurrent} threads, and a time limit per job. The limit counts from when a thread
 * starts the job, so a file is not refused as too slow because others were ahead of it; waiting for
 * a thread is bounded by the same time, after which the caller hears {@link RefusalReason#BUSY}
 * (retryable). A job past its limit is cancelled: its thread is interrupted, and the inspection's
 * loops stop at the next object, operator or decoded block.
 *
 * <p>Shared by {@link FileInspector} and {@link PreviewRenderer}, so the limit holds for both
 * together. Close it when the application stops.
 */
public final class InspectionWorker implements AutoCloseable {

    /** PDFBox parses and draws recursively; a roomy stack keeps deep but legal files from overflowing. */
    private static final long STACK_SIZE = 8L * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(InspectionWorker.class);

    private final ThreadPoolExecutor executor;
    private final long timeoutNanos;

    public InspectionWorker(InspectionLimits limits) {
        this.timeoutNanos = limits.timeout().toNanos();
        this.executor = new ThreadPoolExecutor(limits.maxConcurrent(), limits.maxConcurrent(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new WorkerThreads());
    }

    /**
     * Runs {@code job} on a worker thread and waits for it. Throws {@link InspectionRefusedException}
     * with {@link RefusalReason#TIMEOUT} or {@link RefusalReason#BUSY}, and passes on what the job
     * throws (unchecked exceptions as they are, checked ones wrapped in an
     * {@link IllegalStateException}).
     */
    <T> T run(Callable<T> job) {
        Job<T> task = new Job<>(job);
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            throw InspectionRefusedException.of(RefusalReason.BUSY, "the inspection worker is shut down");
        }
        try {
            if (!task.started.await(timeoutNanos, TimeUnit.NANOSECONDS) && task.claimed.compareAndSet(false, true)) {
                executor.remove(task); // it will not run
                throw InspectionRefusedException.of(RefusalReason.BUSY,
                        "no inspection worker free within " + Duration.ofNanos(timeoutNanos));
            }
            task.started.await(); // a worker claimed it: started is counted down at once
            long left = timeoutNanos - (System.nanoTime() - task.startedAt);
            return task.get(Math.max(0, left), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            log.warn("An inspection ran past its limit of {} and was cancelled", Duration.ofNanos(timeoutNanos));
            throw InspectionRefusedException.of(RefusalReason.TIMEOUT, "ran past " + Duration.ofNanos(timeoutNanos));
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for an inspection");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Inspection failed", cause);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static final class Job<T> extends FutureTask<T> {
        /** Taken by the worker that runs the job, or by the caller that gave up waiting. */
        final AtomicBoolean claimed = new AtomicBoolean();
        final CountDownLatch started = new CountDownLatch(1);
        volatile long startedAt;

        Job(Callable<T> job) {
            super(job);
        }

        @Override
        public void run() {
            if (!claimed.compareAndSet(false, true)) {
                return; // the caller gave up waiting
            }
            startedAt = System.nanoTime();
            started.countDown();
            super.run();
        }
    }

    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(null, runnable, "document-inspection-" + count.incrementAndGet(), STACK_SIZE);
            thread.setDaemon(true);
            return thread;
        }
    }
}
