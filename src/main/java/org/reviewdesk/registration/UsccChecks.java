package org.reviewdesk.registration;

import org.reviewdesk.platform.AttemptThrottle;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.stereotype.Component;

/**
 * Counts, per client address, the lookups of a credit code among accounts and open applications that
 * a public caller's draft causes: past the limit the answer is refused for the rest of the window, so
 * nobody can list which codes have an account or an application.
 */
@Component
class UsccChecks {

    static final String SCOPE = "uscc-check";

    private final Attempts attempts;
    private volatile AttemptThrottle.Scope scope;

    UsccChecks(Attempts attempts, RegistrationProperties properties) {
        this.attempts = attempts;
        this.scope = new AttemptThrottle.Scope(SCOPE, Integer.MAX_VALUE, properties.usccChecksPerAddress(),
                properties.usccCheckWindow());
    }

    /** @throws UserFacingException {@code registration.uscc.tooManyChecks} past the address's limit */
    void count(String clientAddress) {
        if (attempts.count(scope, null, clientAddress).isPresent()) {
            throw new UserFacingException("registration.uscc.tooManyChecks");
        }
    }

    /** Tests only: other limits (and a scope name of their own, so their counts start at zero). */
    AttemptThrottle.Scope use(AttemptThrottle.Scope other) {
        AttemptThrottle.Scope before = scope;
        scope = other;
        return before;
    }
}
