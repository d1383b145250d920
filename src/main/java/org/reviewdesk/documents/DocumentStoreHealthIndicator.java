package org.reviewdesk.documents;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * {@code documentStore} in /actuator/health: UP when the store answers that the bucket exists.
 * The question runs on its own thread and the answer is awaited for a short time only, so a store
 * that hangs makes the component DOWN quickly instead of holding the health request; while a probe
 * is still waiting for the store, later checks wait for that probe rather than starting another.
 */
class DocumentStoreHealthIndicator implements HealthIndicator, AutoCloseable {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    private final ObjectStore store;
    private final String endpointKind;
    private final Duration timeout;
    private final ExecutorService prober = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "document-store-health");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<Boolean> probe = CompletableFuture.completedFuture(true);

    DocumentStoreHealthIndicator(ObjectStore store, String endpointKind, Duration timeout) {
        this.store = store;
        this.endpointKind = endpointKind;
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.unknown()
                .withDetail("bucket", store.bucket())
                .withDetail("endpoint", endpointKind);
        try {
            if (currentProbe().get(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return health.up().build();
            }
            return health.down().withDetail("error", "the bucket does not exist").build();
        } catch (TimeoutException e) {
            return health.down().withDetail("error", "no answer within " + timeout.toMillis() + " ms").build();
        } catch (ExecutionException e) {
            Throwable failure = e.getCause() instanceof DocumentStoreException && e.getCause().getCause() != null
                    ? e.getCause().getCause()
                    : e.getCause();
            return health.down(failure).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return health.down(e).build();
        }
    }

    private synchronized CompletableFuture<Boolean> currentProbe() {
        if (probe.isDone()) {
            probe = CompletableFuture.supplyAsync(store::bucketExists, prober);
        }
        return probe;
    }

    @Override
    public void close() {
        prober.shutdownNow();
    }
}
