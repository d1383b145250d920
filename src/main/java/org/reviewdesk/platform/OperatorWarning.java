package org.reviewdesk.platform;

import java.util.List;

/**
 * Something an operator must act on, shown on the admin page: a message key of the
 * contributing capability's bundle and its arguments.
 */
public record OperatorWarning(String messageKey, List<Object> arguments) {

    public OperatorWarning {
        arguments = List.copyOf(arguments);
    }

    public static OperatorWarning of(String messageKey, Object... arguments) {
        return new OperatorWarning(messageKey, List.of(arguments));
    }
}
