package org.reviewdesk.platform;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code db} in /actuator/health, bounded in time: Spring's own indicator waits for a pooled
 * connection as long as a request would (Hikari's connection-timeout), so with the database gone the
 * health request hung for more than 10 s and a load balancer could not tell the node was down. Here
 * the question runs on its own thread and is awaited for {@code reviewdesk.health.database-timeout}
 * only; while one probe still waits for the database, later checks wait for that probe instead of
 * taking another thread (Spring's is switched off: management.health.db.enabled=false).
 */
@Component("db")
class DatabaseHealthIndicator implements HealthIndicator, AutoCloseable {

    private static final int VALID_SECONDS = 1;

    private final DataSource dataSource;
    private final Duration timeout;
    private final ExecutorService prober = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "database-health");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<Boolean> probe = CompletableFuture.completedFuture(true);

    DatabaseHealthIndicator(DataSource dataSource, @Value("${reviewdesk.health.database-timeout:1500ms}") Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        try {
            return currentProbe().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    ? Health.up().build()
                    : Health.down().withDetail("error", "the connection is not valid").build();
        } catch (TimeoutException e) {
            return Health.down().withDetail("error", "no connection within " + timeout.toMillis() + " ms").build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down(e).build();
        }
    }

    private synchronized CompletableFuture<Boolean> currentProbe() {
        if (probe.isDone()) {
            probe = CompletableFuture.supplyAsync(this::valid, prober);
        }
        return probe;
    }

    private boolean valid() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALID_SECONDS);
        } catch (java.sql.SQLException e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    @Override
    public void close() {
        prober.shutdownNow();
    }
}
