package org.reviewdesk.registration;

import org.reviewdesk.platform.AttemptThrottle;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.stereotype.Component;

/**
 * Counts new drafts per contact mobile and per client address in the database (every node sees
 * the same counts); past either limit, more drafts are refused until the window has passed.
 */
@Component
class DraftThrottle {

    static final String SCOPE = "draft";

    private final AttemptThrottle throttle;
    private volatile AttemptThrottle.Scope scope;

    DraftThrottle(AttemptThrottle throttle, DraftLimits limits) {
        this.throttle = throttle;
        this.scope = new AttemptThrottle.Scope(SCOPE, limits.perMobile(), limits.perAddress(), limits.window());
    }

    /**
     * Counts a draft for this mobile and address, refusing it when one of them has reached its limit.
     *
     * @throws UserFacingException {@code registration.draft.tooMany}
     */
    void count(String contactMobile, String clientAddress) {
        AttemptThrottle.Scope current = scope;
        if (!throttle.attempt(current, contactMobile, clientAddress).allowed()) {
            throw new UserFacingException("registration.draft.tooMany");
        }
    }

    /** Tests only: other limits (and a scope name of their own, so their counts start at zero). */
    AttemptThrottle.Scope use(AttemptThrottle.Scope other) {
        AttemptThrottle.Scope before = scope;
        scope = other;
        return before;
    }
}
