package org.reviewdesk.documents.inspection;

import java.util.Arrays;
import java.util.List;

/**
 * A refused file: the reason, and the arguments of its message; views translate it with
 * {@code getTranslation(messageKey(), argumentArray())}. Arguments are text, so no digit grouping
 * appears in either language.
 */
public record Refusal(RefusalReason reason, List<String> arguments) {

    public Refusal {
        arguments = List.copyOf(arguments);
    }

    public static Refusal of(RefusalReason reason, Object... arguments) {
        return new Refusal(reason, Arrays.stream(arguments).map(String::valueOf).toList());
    }

    public String messageKey() {
        return reason.messageKey();
    }

    public Object[] argumentArray() {
        return arguments.toArray();
    }
}
