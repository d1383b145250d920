package org.reviewdesk.documents.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The sweep runs on one node per round through {@link org.reviewdesk.platform.ScheduledLock}, whose row its migration adds. */
@ApplicationTest
class OrphanSweepLockTest {

    @Autowired JdbcClient jdbc;

    @Test
    void theOrphanSweepLockIsCreatedByTheMigration() {
        assertThat(jdbc.sql("select count(*) from scheduled_lock where name = :n").param("n", OrphanSweep.LOCK)
                .query(Integer.class).single()).isEqualTo(1);
    }
}
