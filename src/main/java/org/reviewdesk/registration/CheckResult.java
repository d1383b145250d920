package org.reviewdesk.registration;

import java.time.OffsetDateTime;
import org.reviewdesk.rules.RuleMessage;

/**
 * One automated check's result, stored for the reviewer.
 *
 * @param check what was checked ({@code creditCode}, {@code existing}, {@code identities}, {@code documents}, …)
 */
public record CheckResult(String check, Outcome outcome, RuleMessage message, OffsetDateTime checkedAt) {

    public enum Outcome {
        PASSED,
        /** Passed, with something the reviewer must look at (e.g. a check character that does not match). */
        FLAGGED,
        /** The application cannot go on. */
        STOPPED
    }
}
