package org.reviewdesk.documents.inspection;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Holds every thread of the application's inspection worker, for tests of what a busy server answers. */
public final class BusyInspections implements AutoCloseable {

    private final CountDownLatch release = new CountDownLatch(1);

    private BusyInspections() {
    }

    /** Occupies all {@code threads} of {@code worker}; returns once each of them runs a held job. */
    public static BusyInspections occupy(InspectionWorker worker, int threads) throws InterruptedException {
        BusyInspections busy = new BusyInspections();
        CountDownLatch started = new CountDownLatch(threads);
        for (int i = 0; i < threads; i++) {
            worker.submit(() -> {
                started.countDown();
                busy.holdUntilReleased();
                return null;
            });
        }
        if (!started.await(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the inspection worker did not start " + threads + " jobs");
        }
        return busy;
    }

    /** Past the worker's time limit a job is interrupted; a held job keeps its thread all the same. */
    private void holdUntilReleased() {
        boolean interrupted = false;
        while (true) {
            try {
                if (release.await(5, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release.countDown();
    }
}
