package org.reviewdesk.namechange;

import java.util.List;
import org.reviewdesk.rules.RuleMessage;

/** The request breaks field rules: each field with its message, for the form to show beside it. */
public class NameChangeRefused extends RuntimeException {

    /** A field ({@code uscc}, {@code newName}, {@code applicantName}, {@code applicantMobile}, {@code applicantIdType},
     * {@code applicantIdNumber}, {@code mobileCode}) and its rule. */
    public record FieldError(String field, RuleMessage message) {
    }

    private final transient List<FieldError> errors;

    public NameChangeRefused(List<FieldError> errors) {
        super("Name change refused: " + errors.stream().map(FieldError::field).toList());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
