package org.reviewdesk.platform;

import org.springframework.stereotype.Service;

/** Staff logins, per account and per client address ({@link AttemptThrottle} with the login limits). */
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

    /** Counts a login attempt; the password may be checked only when it is allowed. */
    AttemptThrottle.Attempt attempt(String username, String address) {
        return throttle.attempt(scope(), username, address);
    }

    void recordSuccess(String username, String address) {
        throttle.recordSuccess(scope(), username, address);
    }
}
