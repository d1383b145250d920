package org.reviewdesk.platform;

import java.time.OffsetDateTime;
import org.springframework.security.authentication.LockedException;

/** Too many failed logins for this account or from this address; refused until {@link #lockedUntil()}. */
public class LoginThrottledException extends LockedException {

    private final transient OffsetDateTime lockedUntil;

    LoginThrottledException(OffsetDateTime lockedUntil) {
        super("Too many failed logins");
        this.lockedUntil = lockedUntil;
    }

    public OffsetDateTime lockedUntil() {
        return lockedUntil;
    }
}
