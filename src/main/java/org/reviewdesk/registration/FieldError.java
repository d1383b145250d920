package org.reviewdesk.registration;

import org.reviewdesk.rules.RuleMessage;

/** A rule the form breaks, at the field where the applicant fixes it (translated where shown). */
public record FieldError(FormField field, RuleMessage message) {

    static FieldError of(FormField field, String key, Object... arguments) {
        return new FieldError(field, RuleMessage.of(key, arguments));
    }
}
