package org.reviewdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Attempts are counted before they are decided on, so parallel guessers cannot get past the limit
 * between a check and a count. {@link #attemptsInParallel} is also run on PostgreSQL by
 * {@code PostgresApplicationIT}.
 */
@ApplicationTest
class AttemptThrottleTest {

    @Autowired
    AttemptThrottle throttle;

    @Test
    void fiftyParallelAttemptsLetExactlyTheLimitThrough() throws Exception {
        AttemptThrottle.Scope scope = new AttemptThrottle.Scope("parallel-" + UUID.randomUUID(), 5, 1000, Duration.ofMinutes(15));

        List<AttemptThrottle.Attempt> attempts = attemptsInParallel(throttle, scope, "victim", 50);

        assertThat(attempts).filteredOn(AttemptThrottle.Attempt::allowed).hasSize(5);
        assertThat(attempts).filteredOn(a -> !a.allowed()).allSatisfy(a -> assertThat(a.lockedUntil()).isNotNull());
    }

    @Test
    void aRefusedAttemptGivesItsCountBackSoTheAddressIsNotChargedForIt() {
        AttemptThrottle.Scope scope = new AttemptThrottle.Scope("giveback-" + UUID.randomUUID(), 2, 4, Duration.ofMinutes(15));
        assertThat(throttle.attempt(scope, "a", "198.51.100.1").allowed()).isTrue();
        assertThat(throttle.attempt(scope, "a", "198.51.100.1").allowed()).isTrue();
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.attempt(scope, "a", "198.51.100.1").allowed()).as("subject a is locked").isFalse();
        }
        // the address went through twice only: two more subjects get one attempt each
        assertThat(throttle.attempt(scope, "b", "198.51.100.1").allowed()).isTrue();
        assertThat(throttle.attempt(scope, "c", "198.51.100.1").allowed()).isTrue();
        assertThat(throttle.attempt(scope, "d", "198.51.100.1").allowed()).as("the address has used its four").isFalse();
    }

    @Test
    void aSuccessClearsTheSubjectAndGivesTheAddressItsAttemptBack() {
        AttemptThrottle.Scope scope = new AttemptThrottle.Scope("success-" + UUID.randomUUID(), 2, 2, Duration.ofMinutes(15));
        assertThat(throttle.attempt(scope, "a", "198.51.100.2").allowed()).isTrue();
        throttle.recordSuccess(scope, "a", "198.51.100.2");
        assertThat(throttle.attempt(scope, "a", "198.51.100.2").allowed()).isTrue();
        assertThat(throttle.attempt(scope, "a", "198.51.100.2").allowed()).isTrue();
        assertThat(throttle.attempt(scope, "a", "198.51.100.2").allowed()).isFalse();
    }

    @Test
    void aScopeWithoutASubjectLimitCountsByAddressOnly() {
        AttemptThrottle.Scope scope = new AttemptThrottle.Scope("address-only-" + UUID.randomUUID(), Integer.MAX_VALUE, 2,
                Duration.ofMinutes(15));
        assertThat(throttle.attempt(scope, "a", "198.51.100.3").allowed()).isTrue();
        assertThat(throttle.attempt(scope, "a", "198.51.100.3").allowed()).isTrue();
        assertThat(throttle.attempt(scope, "a", "198.51.100.3").allowed()).as("the guessing address").isFalse();
        assertThat(throttle.attempt(scope, "a", "198.51.100.4").allowed()).as("the subject from elsewhere").isTrue();
    }

    /** {@code count} attempts at one fresh subject from as many threads, released together. */
    static List<AttemptThrottle.Attempt> attemptsInParallel(AttemptThrottle throttle, AttemptThrottle.Scope scope,
                                                            String subject, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<AttemptThrottle.Attempt>> calls = IntStream.range(0, count)
                    .<Callable<AttemptThrottle.Attempt>>mapToObj(i -> () -> {
                        start.await();
                        return throttle.attempt(scope, subject, "192.0.2." + (i % 200));
                    }).toList();
            List<Future<AttemptThrottle.Attempt>> futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            List<AttemptThrottle.Attempt> attempts = new java.util.ArrayList<>();
            for (Future<AttemptThrottle.Attempt> future : futures) {
                attempts.add(future.get());
            }
            return attempts;
        } finally {
            pool.shutdownNow();
        }
    }
}
