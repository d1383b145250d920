package org.reviewdesk.platform;

import java.util.List;

/** Parallel attempts for tests outside this package (the PostgreSQL run). */
public final class AttemptThrottleProbe {

    private AttemptThrottleProbe() {
    }

    public static List<AttemptThrottle.Attempt> inParallel(AttemptThrottle throttle, AttemptThrottle.Scope scope,
                                                           String subject, int count) throws Exception {
        return AttemptThrottleTest.attemptsInParallel(throttle, scope, subject, count);
    }
}
