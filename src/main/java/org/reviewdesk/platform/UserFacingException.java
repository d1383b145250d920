package org.reviewdesk.platform;

import java.util.Arrays;

/**
 * A refusal a person must understand: carries a message key of a capability's bundle and its
 * arguments, translated where it is shown (view or REST response), never a sentence in code.
 */
public class UserFacingException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public UserFacingException(String messageKey, Object... arguments) {
        super(messageKey + Arrays.toString(arguments));
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public UserFacingException(Throwable cause, String messageKey, Object... arguments) {
        super(messageKey + Arrays.toString(arguments), cause);
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
