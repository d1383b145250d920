package org.reviewdesk.registration;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.reviewdesk.platform.AttemptThrottle;
import org.springframework.stereotype.Component;

/**
 * Registration's one use of {@link AttemptThrottle}: every attempt is counted before it is decided
 * on, and a success gives the address its attempt back. A subject of null counts by address only.
 */
@Component
class Attempts {

    private final AttemptThrottle throttle;

    Attempts(AttemptThrottle throttle) {
        this.throttle = throttle;
    }

    /** Counts an attempt that stays counted (a draft, an SMS asked for); the time until which it is refused, if it is. */
    Optional<OffsetDateTime> count(AttemptThrottle.Scope scope, String subject, String address) {
        Optional<OffsetDateTime> locked = throttle.lockedUntil(scope, subject, address);
        if (locked.isEmpty()) {
            throttle.recordFailure(scope, subject, address);
        }
        return locked;
    }

    /**
     * Starts an attempt to prove a secret, to be ended by {@link #failed} or {@link #succeeded}; the
     * time until which it is refused, if it is.
     */
    Optional<OffsetDateTime> begin(AttemptThrottle.Scope scope, String subject, String address) {
        return throttle.lockedUntil(scope, subject, address);
    }

    void failed(AttemptThrottle.Scope scope, String subject, String address) {
        throttle.recordFailure(scope, subject, address);
    }

    void succeeded(AttemptThrottle.Scope scope, String subject, String address) {
        throttle.recordSuccess(scope, subject);
    }
}
