package org.reviewdesk.rules;

import java.util.List;

/**
 * A text for a person, as a key of the {@code messages/rules} bundle and its arguments; the view
 * translates it with {@code getTranslation(key(), arguments().toArray())}.
 */
public record RuleMessage(String key, List<Object> arguments) {

    public RuleMessage {
        arguments = List.copyOf(arguments);
    }

    public static RuleMessage of(String key, Object... arguments) {
        return new RuleMessage(key, List.of(arguments));
    }

    public Object[] argumentArray() {
        return arguments.toArray();
    }
}
