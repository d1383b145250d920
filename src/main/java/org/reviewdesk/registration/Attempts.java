package org.reviewdesk.registration;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.reviewdesk.platform.AttemptThrottle;
import org.springframework.stereotype.Component;

/**
 * Registration's one use of {@link AttemptThrottle}: every attempt is counted before it is decided
 * on (one atomic upsert per key), and a success gives the address its attempt back. A subject of
 * null counts by address only.
 */
@Component
class Attempts {

    private final AttemptThrottle throttle;

    Attempts(AttemptThrottle throttle) {
        this.throttle = throttle;
    }

    /**
     * Counts an attempt (a draft, an SMS asked for, a code tried); the time until which it is refused,
     * if it is. A wrong code's attempt stays counted; a right one is given back with {@link #succeeded}.
     */
    Optional<OffsetDateTime> count(AttemptThrottle.Scope scope, String subject, String address) {
        AttemptThrottle.Attempt attempt = throttle.attempt(scope, subject, address);
        return attempt.allowed() ? Optional.empty() : Optional.of(attempt.lockedUntil());
    }

    /** A right secret: the address gets its attempt back (the subject's count is cleared). */
    void succeeded(AttemptThrottle.Scope scope, String subject, String address) {
        throttle.recordSuccess(scope, subject, address);
    }
}
