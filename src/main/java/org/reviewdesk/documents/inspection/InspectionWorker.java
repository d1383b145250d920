package org.reviewdesk.documents.inspection;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
 * <p>Both limits are kept by one timer thread per worker, not by the callers, so a caller may hand
 * in a job and do other work meanwhile ({@link #submit}) without a thread of its own waiting.
 *
 * <p>Shared by {@link FileInspector} and {@link PreviewRenderer}, so the limit holds for both
 * together. Close it when the application stops.
 */
public final class InspectionWorker implements AutoCloseable {

    /** PDFBox parses and draws recursively; a roomy stack keeps deep but legal files from overflowing. */
    private static final long STACK_SIZE = 8L * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(InspectionWorker.class);

    private final ThreadPoolExecutor executor;
    private final ScheduledThreadPoolExecutor timer;
    private final long timeoutNanos;

    public InspectionWorker(InspectionLimits limits) {
        this.timeoutNanos = limits.timeout().toNanos();
        this.executor = new ThreadPoolExecutor(limits.maxConcurrent(), limits.maxConcurrent(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new WorkerThreads("document-inspection-", STACK_SIZE));
        this.timer = new ScheduledThreadPoolExecutor(1, new WorkerThreads("document-inspection-timer-", 0));
        this.timer.setRemoveOnCancelPolicy(true); // limits of finished jobs leave the queue at once
    }

    /**
     * Hands {@code job} to a worker thread and returns at once. The future completes with what the
     * job returns; or exceptionally with {@link InspectionRefusedException} ({@link RefusalReason#TIMEOUT}
     * or {@link RefusalReason#BUSY}), with what the job throws (unchecked exceptions as they are,
     * checked ones wrapped in an {@link IllegalStateException}). Cancelling the future cancels the job.
     */
    <T> CompletableFuture<T> submit(Callable<T> job) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Job<T> task = new Job<>(job, result);
        task.waiting = timer.schedule(task::giveUpWaiting, timeoutNanos, TimeUnit.NANOSECONDS);
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                task.stop();
            }
        });
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            task.waiting.cancel(false);
            result.completeExceptionally(InspectionRefusedException.of(RefusalReason.BUSY,
                    "the inspection worker is shut down"));
        }
        return result;
    }

    /**
     * Runs {@code job} on a worker thread and waits for it: {@link #submit} for a caller that has
     * nothing else to do meanwhile. Throws what the future would complete with.
     */
    <T> T run(Callable<T> job) {
        CompletableFuture<T> future = submit(job);
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for an inspection");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) cause; // a job's checked exception arrives wrapped already
        }
    }

    @Override
    public void close() {
        for (Runnable never : executor.shutdownNow()) {
            ((Job<?>) never).result.completeExceptionally(InspectionRefusedException.of(RefusalReason.BUSY,
                    "the inspection worker shut down"));
        }
        timer.shutdownNow();
    }

    private final class Job<T> extends FutureTask<T> {
        final CompletableFuture<T> result;
        /** Taken by the worker that runs the job, or by the timer when waiting for a worker took too long. */
        final AtomicBoolean claimed = new AtomicBoolean();
        volatile ScheduledFuture<?> waiting;
        volatile ScheduledFuture<?> limit;

        Job(Callable<T> job, CompletableFuture<T> result) {
            super(job);
            this.result = result;
        }

        @Override
        public void run() {
            if (!claimed.compareAndSet(false, true)) {
                return; // given up waiting, or cancelled
            }
            waiting.cancel(false);
            if (isDone()) {
                return;
            }
            limit = timer.schedule(this::pastTheLimit, timeoutNanos, TimeUnit.NANOSECONDS);
            super.run();
        }

        void giveUpWaiting() {
            if (claimed.compareAndSet(false, true)) {
                executor.remove(this); // it will not run
                result.completeExceptionally(InspectionRefusedException.of(RefusalReason.BUSY,
                        "no inspection worker free within " + Duration.ofNanos(timeoutNanos)));
            }
        }

        void pastTheLimit() {
            if (result.completeExceptionally(InspectionRefusedException.of(RefusalReason.TIMEOUT,
                    "ran past " + Duration.ofNanos(timeoutNanos)))) {
                cancel(true);
                log.warn("An inspection ran past its limit of {} and was cancelled", Duration.ofNanos(timeoutNanos));
            }
        }

        /** The caller cancelled: a queued job never runs, a running one is interrupted. */
        void stop() {
            if (claimed.compareAndSet(false, true)) {
                executor.remove(this);
                waiting.cancel(false);
            }
            cancel(true);
        }

        @Override
        protected void done() {
            ScheduledFuture<?> started = limit;
            if (started != null) {
                started.cancel(false);
            }
            if (isCancelled()) {
                result.cancel(false); // already completed unless the worker shut down
                return;
            }
            try {
                result.complete(get());
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                result.completeExceptionally(cause instanceof RuntimeException || cause instanceof Error
                        ? cause : new IllegalStateException("Inspection failed", cause));
            } catch (InterruptedException | CancellationException e) {
                result.completeExceptionally(e); // not reached: the task is done
            }
        }
    }

    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();
        private final String prefix;
        private final long stackSize;

        WorkerThreads(String prefix, long stackSize) {
            this.prefix = prefix;
            this.stackSize = stackSize;
        }

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(null, runnable, prefix + count.incrementAndGet(), stackSize);
            thread.setDaemon(true);
            return thread;
        }
    }
}
