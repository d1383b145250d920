package org.reviewdesk.review;

import org.reviewdesk.platform.UserFacingException;

/**
 * The engine wraps what a task listener throws into its own exception; a rule enforced in a listener
 * (the four-eyes rule) refuses with a {@link UserFacingException}, which callers must see as such to
 * show its message instead of a stack trace.
 */
public final class EngineRefusals {

    private EngineRefusals() {
    }

    /** The refusal inside an engine exception, or the exception itself. */
    public static RuntimeException unwrap(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UserFacingException refusal) {
                return refusal;
            }
        }
        return e;
    }
}
