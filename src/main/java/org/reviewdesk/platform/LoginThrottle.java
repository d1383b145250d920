package org.reviewdesk.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins per account and per client address in the database, so every node of
 * a cluster sees the same counts. A key that reaches its limit within one lock window is
 * locked for the rest of that window.
 */
@Service
class LoginThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final LoginProperties properties;

    LoginThrottle(JdbcClient jdbc, Clock clock, LoginProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** The time until which logins for this account or from this address are refused, if any. */
    @Transactional(readOnly = true)
    Optional<OffsetDateTime> lockedUntil(String username, String address) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("select locked_until from login_throttle where throttle_key in (:keys) and locked_until > :now")
                .param("keys", java.util.List.of(accountKey(username), addressKey(address)))
                .param("now", now)
                .query(OffsetDateTime.class)
                .list().stream().max(OffsetDateTime::compareTo);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void recordFailure(String username, String address) {
        count(accountKey(username), properties.maxFailuresPerAccount());
        count(addressKey(address), properties.maxFailuresPerAddress());
    }

    /** A successful login clears the account's count; the address keeps its count (one address, many accounts). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void recordSuccess(String username) {
        jdbc.sql("delete from login_throttle where throttle_key = :key").param("key", accountKey(username)).update();
    }

    private void count(String key, int limit) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Duration window = properties.lockDuration();
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
                count(key, limit);
                return;
            }
        }
        jdbc.sql("update login_throttle set locked_until = :until where throttle_key = :key and failures >= :limit")
                .param("until", now.plus(window)).param("key", key).param("limit", limit)
                .update();
    }

    private static String accountKey(String username) {
        return "account:" + (username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "" : address);
    }
}
