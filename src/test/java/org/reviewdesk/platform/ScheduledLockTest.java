package org.reviewdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ApplicationTest
class ScheduledLockTest {

    @Autowired ScheduledLock lock;
    @Autowired JdbcClient jdbc;

    @Test
    void oneCallerHoldsTheLockUntilItExpires() {
        String name = newLock();

        assertThat(lock.tryAcquire(name, Duration.ofHours(1))).isTrue();
        assertThat(lock.tryAcquire(name, Duration.ofHours(1))).isFalse();
    }

    @Test
    void anExpiredLockIsTakenAgain() {
        String name = newLock();

        assertThat(lock.tryAcquire(name, Duration.ZERO)).isTrue();
        assertThat(lock.tryAcquire(name, Duration.ofHours(1))).isTrue();
    }

    @Test
    void aLockWithoutItsRowIsNeverTaken() {
        assertThat(lock.tryAcquire("test-" + UUID.randomUUID(), Duration.ofHours(1))).isFalse();
    }

    private String newLock() {
        String name = "test-" + UUID.randomUUID();
        jdbc.sql("insert into scheduled_lock (name, locked_until) values (:n, :t)")
                .param("n", name).param("t", OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)).update();
        return name;
    }
}
