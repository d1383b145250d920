package org.reviewdesk.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts attempts to prove a secret (a staff password, an applicant's access code) or to use a
 * limited resource (drafts), per subject and per client address, in the database, so every node of
 * a cluster sees the same counts.
 *
 * <p>Every attempt is counted <em>first</em>, with one atomic upsert per key, and only then decided
 * on: parallel attempts each see their own count (the upsert holds the row until the transaction
 * commits), so no more than the limit ever reach the check behind the throttle. A refused attempt
 * gives its counts back, so a count says how many attempts went through in the window; a key that
 * reaches its limit is locked for one window from then. Each {@link Scope} counts apart: applicants
 * guessing codes never lock staff out of their login.
 */
@Service
public class AttemptThrottle {

    /**
     * What is being limited, with its limits. A subject limit of {@link Integer#MAX_VALUE} counts by
     * address only (so nobody's failures lock a subject for everyone).
     */
    public record Scope(String name, int maxPerSubject, int maxPerAddress, Duration window) {
    }

    /**
     * The decision on one counted attempt; {@code lockedUntil} is set when it was refused. An allowed
     * attempt says how many more its keys allow before they lock ({@code triesLeft}: 0 when this was
     * the last), so a wrong secret can say so.
     */
    public record Attempt(boolean allowed, OffsetDateTime lockedUntil, int triesLeft) {
    }

    private record Count(String key, int attempts, OffsetDateTime lockedUntil, int limit) {
        boolean overLimit() {
            return attempts > limit;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean postgres;

    AttemptThrottle(JdbcClient jdbc, DataSource dataSource, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.postgres = isPostgres(dataSource);
    }

    /**
     * Counts an attempt for this subject and address, then decides whether it may go on to the
     * check behind the throttle. A null subject or address is not counted.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Attempt attempt(Scope scope, String subject, String address) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Count> counts = new ArrayList<>(2);
        // always subject before address: two attempts lock their rows in the same order, never a deadlock
        if (subject != null && scope.maxPerSubject() != Integer.MAX_VALUE) {
            counts.add(count(subjectKey(scope, subject), scope.maxPerSubject(), scope.window(), now));
        }
        if (address != null) {
            counts.add(count(addressKey(scope, address), scope.maxPerAddress(), scope.window(), now));
        }
        boolean refused = counts.stream().anyMatch(Count::overLimit);
        if (!refused) {
            int left = counts.stream().mapToInt(c -> c.limit() - c.attempts()).min().orElse(Integer.MAX_VALUE);
            return new Attempt(true, null, left);
        }
        counts.forEach(c -> giveBack(c.key()));
        OffsetDateTime until = counts.stream().filter(Count::overLimit).map(Count::lockedUntil)
                .max(OffsetDateTime::compareTo).orElse(now.plus(scope.window()));
        return new Attempt(false, until, 0);
    }

    /** Success clears the subject's count and gives the address its attempt back (one address, many subjects). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSuccess(Scope scope, String subject, String address) {
        if (subject != null) {
            jdbc.sql("delete from login_throttle where throttle_key = :key").param("key", subjectKey(scope, subject)).update();
        }
        if (address != null) {
            giveBack(addressKey(scope, address));
        }
    }

    private Count count(String key, int limit, Duration window, OffsetDateTime now) {
        upsert(key, window, now);
        Count count = jdbc.sql("select failures, locked_until from login_throttle where throttle_key = :key")
                .param("key", key)
                .query((rs, row) -> new Count(key, rs.getInt(1), rs.getObject(2, OffsetDateTime.class), limit))
                .single();
        if (count.attempts() >= limit && (count.lockedUntil() == null || !count.lockedUntil().isAfter(now))) {
            OffsetDateTime until = now.plus(window);
            jdbc.sql("update login_throttle set locked_until = :until where throttle_key = :key")
                    .param("until", until).param("key", key).update();
            return new Count(key, count.attempts(), until, limit);
        }
        return count;
    }

    /**
     * One statement that inserts the key or counts on it, so two first attempts at once never both
     * insert (on PostgreSQL a failed insert would abort the caller's whole transaction). A window that
     * has passed, with no lock running, starts again at one.
     */
    private void upsert(String key, Duration window, OffsetDateTime now) {
        String restart = "t.window_started_at < :windowStart and (t.locked_until is null or t.locked_until <= :now)";
        String set = """
                 failures = case when %1$s then 1 else t.failures + 1 end,
                 locked_until = case when %1$s then null else t.locked_until end,
                 window_started_at = case when %1$s then :now else t.window_started_at end""".formatted(restart);
        String sql = postgres
                ? "insert into login_throttle as t (throttle_key, failures, window_started_at) values (:key, 1, :now)"
                        + " on conflict (throttle_key) do update set " + set
                : "merge into login_throttle t using (values (cast(:key as varchar(200)))) s(k) on t.throttle_key = s.k"
                        + " when matched then update set " + set
                        + " when not matched then insert (throttle_key, failures, window_started_at) values (:key, 1, :now)";
        try {
            jdbc.sql(sql).param("key", key).param("now", now).param("windowStart", now.minus(window)).update();
        } catch (DuplicateKeyException insertedByAnotherTransaction) {
            // H2's MERGE can lose the race to insert the first row; a failed statement leaves H2's transaction usable
            jdbc.sql(sql).param("key", key).param("now", now).param("windowStart", now.minus(window)).update();
        }
    }

    private void giveBack(String key) {
        jdbc.sql("update login_throttle set failures = failures - 1 where throttle_key = :key and failures > 0")
                .param("key", key).update();
    }

    /** Staff logins keep the keys they always had ({@code account:…}, {@code address:…}). */
    private static String subjectKey(Scope scope, String subject) {
        String prefix = LoginThrottle.SCOPE_NAME.equals(scope.name()) ? "account:" : scope.name() + ":subject:";
        return truncate(prefix + subject.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(Scope scope, String address) {
        String prefix = LoginThrottle.SCOPE_NAME.equals(scope.name()) ? "address:" : scope.name() + ":address:";
        return truncate(prefix + address);
    }

    private static String truncate(String key) {
        return key.length() <= 200 ? key : key.substring(0, 200);
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return "PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell the database product", e);
        }
    }
}
