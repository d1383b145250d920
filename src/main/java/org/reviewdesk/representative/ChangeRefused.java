package org.reviewdesk.representative;

import java.util.List;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.rules.RuleMessage;

/** The start form breaks one or more rules, each at its field (JSON names); nothing was opened. */
public class ChangeRefused extends UserFacingException {

    /** A rule broken at a field of {@link ChangeRequest} (its JSON name, e.g. {@code representativeIdNumber}). */
    public record FieldError(String field, RuleMessage message) {
    }

    private final transient List<FieldError> errors;

    ChangeRefused(List<FieldError> errors) {
        super(errors.get(0).message().key(), errors.get(0).message().argumentArray());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
