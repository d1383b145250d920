package org.reviewdesk.documents.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InspectionWorkerTest {

    @Test
    void jobPastTheTimeLimitIsRefusedAndStopped() throws Exception {
        try (InspectionWorker worker = new InspectionWorker(InspectionLimits.DEFAULTS
                .withTimeout(Duration.ofMillis(200)).withMaxConcurrent(1))) {
            CountDownLatch stopped = new CountDownLatch(1);

            assertThatThrownBy(() -> worker.run(() -> {
                try {
                    while (true) {
                        Interruptions.check(); // what every loop of the inspection does
                    }
                } finally {
                    stopped.countDown();
                }
            })).isInstanceOfSatisfying(InspectionRefusedException.class,
                    e -> assertThat(e.refusal().reason()).isEqualTo(RefusalReason.TIMEOUT));

            assertThat(stopped.await(2, TimeUnit.SECONDS)).as("the job stopped").isTrue();
            assertThat(worker.run(() -> "the only thread is free again")).isEqualTo("the only thread is free again");
        }
    }

    @Test
    void waitingForABusyWorkerIsBoundedAndRetryable() throws Exception {
        try (InspectionWorker worker = new InspectionWorker(InspectionLimits.DEFAULTS
                .withTimeout(Duration.ofMillis(300)).withMaxConcurrent(1))) {
            AtomicBoolean release = new AtomicBoolean();
            CountDownLatch running = new CountDownLatch(1);
            CompletableFuture<Object> stubborn = CompletableFuture.supplyAsync(() -> worker.run(() -> {
                running.countDown();
                while (!release.get()) {
                    Thread.onSpinWait(); // a job that ignores being cancelled holds its thread
                }
                return "done";
            }));
            assertThat(running.await(2, TimeUnit.SECONDS)).isTrue();

            // refused while the stubborn job still holds its thread: a caller that waited for a free
            // thread would not come back before the release below, and the future would not fail
            CompletableFuture<Object> refused = CompletableFuture.supplyAsync(() -> worker.run(() -> "never runs"));
            assertThat(refused).failsWithin(Duration.ofSeconds(30)).withThrowableOfType(ExecutionException.class)
                    .havingCause().isInstanceOfSatisfying(InspectionRefusedException.class, e -> {
                        assertThat(e.refusal().reason()).isEqualTo(RefusalReason.BUSY);
                        assertThat(e.refusal().reason().retryable()).isTrue();
                    });
            assertThat(release).as("still held when refused").isFalse();

            release.set(true);
            assertThat(stubborn).failsWithin(Duration.ofSeconds(2)); // it ran past its own limit meanwhile
            assertThat(worker.run(() -> "next")).isEqualTo("next");
        }
    }

    @Test
    void atMostMaxConcurrentJobsRunAtOnce() throws Exception {
        try (InspectionWorker worker = new InspectionWorker(InspectionLimits.DEFAULTS.withMaxConcurrent(2))) {
            AtomicInteger running = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            CountDownLatch release = new CountDownLatch(1);
            List<CompletableFuture<Object>> jobs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                jobs.add(worker.submit(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        release.await(); // the first ones hold their threads while the rest are handed in
                    } finally {
                        running.decrementAndGet();
                    }
                    return null;
                }));
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> running.get() == 2);
            // the rest stay queued while the first two hold their threads (a third would show here)
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> running.get() == 2);
            assertThat(jobs).filteredOn(CompletableFuture::isDone).isEmpty();
            release.countDown();

            assertThat(CompletableFuture.allOf(jobs.toArray(CompletableFuture[]::new))).succeedsWithin(Duration.ofSeconds(10));
            assertThat(most.get()).isEqualTo(2);
        }
    }

    @Test
    void uncheckedFailuresOfTheJobReachTheCaller() {
        try (InspectionWorker worker = new InspectionWorker(InspectionLimits.DEFAULTS)) {
            assertThatThrownBy(() -> worker.run(() -> {
                throw new IllegalArgumentException("bad");
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad");
        }
    }

    @Test
    void submitReturnsAtOnceAndTheWorkerCompletesTheFuture() throws Exception {
        try (InspectionWorker worker = new InspectionWorker(InspectionLimits.DEFAULTS)) {
            CountDownLatch release = new CountDownLatch(1);

            CompletableFuture<String> future = worker.submit(() -> {
                release.await();
                return Thread.currentThread().getName();
            });

            assertThat(future).isNotDone();
            release.countDown();
            assertThat(future.get(2, TimeUnit.SECONDS)).startsWith("document-inspection-");
        }
    }

    @Test
    void submittedJobPastTheTimeLimitCompletesAsRefusedAndIsStopped() throws Exception {
        try (InspectionWorker worker = new InspectionWorker(InspectionLimits.DEFAULTS
                .withTimeout(Duration.ofMillis(200)).withMaxConcurrent(1))) {
            CountDownLatch stopped = new CountDownLatch(1);

            CompletableFuture<Object> future = worker.submit(() -> {
                try {
                    while (true) {
                        Interruptions.check();
                    }
                } finally {
                    stopped.countDown();
                }
            });

            assertThat(future).failsWithin(Duration.ofSeconds(2)).withThrowableOfType(ExecutionException.class)
                    .havingCause().isInstanceOfSatisfying(InspectionRefusedException.class,
                            e -> assertThat(e.refusal().reason()).isEqualTo(RefusalReason.TIMEOUT));
            assertThat(stopped.await(2, TimeUnit.SECONDS)).as("the job stopped").isTrue();
        }
    }

    @Test
    void submittedJobWaitingTooLongForAWorkerCompletesAsBusyAndNeverRuns() throws Exception {
        try (InspectionWorker worker = new InspectionWorker(InspectionLimits.DEFAULTS
                .withTimeout(Duration.ofMillis(200)).withMaxConcurrent(1))) {
            AtomicBoolean release = new AtomicBoolean();
            AtomicBoolean ran = new AtomicBoolean();
            worker.submit(() -> {
                while (!release.get()) {
                    Thread.onSpinWait(); // ignores being cancelled, so it holds the only thread
                }
                return null;
            });

            CompletableFuture<Object> queued = worker.submit(() -> ran.getAndSet(true));

            assertThat(queued).failsWithin(Duration.ofSeconds(2)).withThrowableOfType(ExecutionException.class)
                    .havingCause().isInstanceOfSatisfying(InspectionRefusedException.class,
                            e -> assertThat(e.refusal().reason()).isEqualTo(RefusalReason.BUSY));
            release.set(true);
            assertThat(worker.run(() -> "next")).isEqualTo("next");
            assertThat(ran).isFalse();
        }
    }

    @Test
    void cancellingTheFutureStopsTheJob() throws Exception {
        try (InspectionWorker worker = new InspectionWorker(InspectionLimits.DEFAULTS.withMaxConcurrent(1))) {
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch stopped = new CountDownLatch(1);
            CompletableFuture<Object> future = worker.submit(() -> {
                running.countDown();
                try {
                    while (true) {
                        Interruptions.check();
                    }
                } finally {
                    stopped.countDown();
                }
            });
            assertThat(running.await(2, TimeUnit.SECONDS)).isTrue();

            future.cancel(true);

            assertThat(stopped.await(2, TimeUnit.SECONDS)).as("the job stopped").isTrue();
            assertThat(worker.run(() -> "the only thread is free again")).isEqualTo("the only thread is free again");
        }
    }

    @Test
    void inspectionPastTheTimeLimitIsARefusedResultOfTheFuture() throws Exception {
        byte[] operators = "1 0 0 1 0 0 cm\n".repeat(2_700_000).getBytes(StandardCharsets.US_ASCII);
        byte[] pdf = RawPdf.onePage().stream(4, "/Filter /FlateDecode", Fixtures.deflate(operators)).build();
        Path file = Files.createTempFile("slow", ".pdf");
        InspectionLimits limits = InspectionLimits.DEFAULTS.withTimeout(Duration.ofMillis(50));
        try (InspectionWorker worker = new InspectionWorker(limits)) {
            Files.write(file, pdf);

            CompletableFuture<InspectionResult> future = new FileInspector(limits, worker).inspectAsync(file);

            InspectionResult result = future.get(5, TimeUnit.SECONDS);
            assertThat(result.accepted()).isFalse();
            assertThat(result.refusal().reason()).isEqualTo(RefusalReason.TIMEOUT);
            assertThat(result.type()).isEqualTo(DocumentType.PDF);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void inspectionPastTheTimeLimitIsRefused() throws Exception {
        // 2.7 million operators for the text extraction to work through: far more than 50 ms
        byte[] operators = "1 0 0 1 0 0 cm\n".repeat(2_700_000).getBytes(StandardCharsets.US_ASCII);
        byte[] pdf = RawPdf.onePage().stream(4, "/Filter /FlateDecode", Fixtures.deflate(operators)).build();
        Path file = Files.createTempFile("slow", ".pdf");
        try (InspectionWorker worker = new InspectionWorker(InspectionLimits.DEFAULTS.withTimeout(Duration.ofMillis(50)))) {
            Files.write(file, pdf);

            InspectionResult result = new FileInspector(InspectionLimits.DEFAULTS.withTimeout(Duration.ofMillis(50)), worker)
                    .inspect(file);

            assertThat(result.accepted()).isFalse();
            assertThat(result.refusal().reason()).isEqualTo(RefusalReason.TIMEOUT);
            assertThat(result.refusal().messageKey()).isEqualTo("inspection.refused.timeout");
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
