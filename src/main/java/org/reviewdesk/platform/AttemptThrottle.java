package org.reviewdesk.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed attempts to prove a secret (a staff password, an applicant's access code) per
 * subject and per client address, in the database, so every node of a cluster sees the same
 * counts. A key that reaches its limit within one window is locked for the rest of that window.
 * Each {@link Scope} counts apart: applicants guessing codes never lock staff out of their login.
 */
@Service
public class AttemptThrottle {

    /** What is being guessed, with its limits. */
    public record Scope(String name, int maxPerSubject, int maxPerAddress, Duration window) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AttemptThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The time until which attempts for this subject or from this address are refused, if any. */
    @Transactional(readOnly = true)
    public Optional<OffsetDateTime> lockedUntil(Scope scope, String subject, String address) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("select locked_until from login_throttle where throttle_key in (:keys) and locked_until > :now")
                .param("keys", List.of(subjectKey(scope, subject), addressKey(scope, address)))
                .param("now", now)
                .query(OffsetDateTime.class)
                .list().stream().max(OffsetDateTime::compareTo);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailure(Scope scope, String subject, String address) {
        count(subjectKey(scope, subject), scope.maxPerSubject(), scope.window());
        count(addressKey(scope, address), scope.maxPerAddress(), scope.window());
    }

    /** Success clears the subject's count; the address keeps its count (one address, many subjects). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSuccess(Scope scope, String subject) {
        jdbc.sql("delete from login_throttle where throttle_key = :key").param("key", subjectKey(scope, subject)).update();
    }

    private void count(String key, int limit, Duration window) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int updated = jdbc.sql("""
                update login_throttle
                   set failures = case when window_started_at < :windowStart then 1 else failures + 1 end,
                       window_started_at = case when window_started_at < :windowStart then :now else window_started_at end
                 where throttle_key = :key""")
                .param("windowStart", now.minus(window)).param("now", now).param("key", key)
                .update();
        if (updated == 0) {
            try {
                jdbc.sql("insert into login_throttle (throttle_key, failures, window_started_at) values (:key, 1, :now)")
                        .param("key", key).param("now", now).update();
            } catch (DuplicateKeyException concurrentInsertByAnotherNode) {
                count(key, limit, window);
                return;
            }
        }
        jdbc.sql("update login_throttle set locked_until = :until where throttle_key = :key and failures >= :limit")
                .param("until", now.plus(window)).param("key", key).param("limit", limit)
                .update();
    }

    /** Staff logins keep the keys they always had ({@code account:…}, {@code address:…}). */
    private static String subjectKey(Scope scope, String subject) {
        String prefix = LoginThrottle.SCOPE_NAME.equals(scope.name()) ? "account:" : scope.name() + ":subject:";
        return truncate(prefix + (subject == null ? "" : subject.trim().toLowerCase(Locale.ROOT)));
    }

    private static String addressKey(Scope scope, String address) {
        String prefix = LoginThrottle.SCOPE_NAME.equals(scope.name()) ? "address:" : scope.name() + ":address:";
        return truncate(prefix + (address == null ? "" : address));
    }

    private static String truncate(String key) {
        return key.length() <= 200 ? key : key.substring(0, 200);
    }
}
