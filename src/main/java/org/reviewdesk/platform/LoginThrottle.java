package org.reviewdesk.platform;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Failed staff logins, per account and per client address ({@link AttemptThrottle} with the login limits). */
@Service
class LoginThrottle {

    static final String SCOPE_NAME = "login";

    private final AttemptThrottle throttle;
    private final LoginProperties properties;

    LoginThrottle(AttemptThrottle throttle, LoginProperties properties) {
        this.throttle = throttle;
        this.properties = properties;
    }

    private AttemptThrottle.Scope scope() {
        return new AttemptThrottle.Scope(SCOPE_NAME, properties.maxFailuresPerAccount(),
                properties.maxFailuresPerAddress(), properties.lockDuration());
    }

    Optional<OffsetDateTime> lockedUntil(String username, String address) {
        return throttle.lockedUntil(scope(), username, address);
    }

    void recordFailure(String username, String address) {
        throttle.recordFailure(scope(), username, address);
    }

    void recordSuccess(String username) {
        throttle.recordSuccess(scope(), username);
    }
}
