package org.reviewdesk.platform;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A cluster-wide lock of a scheduled job, a row of {@code scheduled_lock} (created by the job's
 * migration). Taking it is one conditional UPDATE, which the database serialises: of several nodes
 * that try at once, exactly one sees its row updated. The lock is not released after the run but
 * expires, so the other nodes skip the same round instead of running the job right after.
 */
@Component
public class ScheduledLock {

    private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

    private final JdbcClient jdbc;
    private final Clock clock;

    ScheduledLock(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True when this node holds {@code name} for {@code holdFor} from now. */
    public boolean tryAcquire(String name, Duration holdFor) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                update scheduled_lock set locked_until = :until, locked_by = :node
                where name = :name and locked_until <= :now""")
                .param("until", now.plus(holdFor))
                .param("node", NODE.length() > 100 ? NODE.substring(0, 100) : NODE)
                .param("name", name)
                .param("now", now)
                .update() == 1;
    }
}
