package org.reviewdesk.registration;

import java.util.List;
import org.reviewdesk.platform.UserFacingException;

/** The form breaks one or more rules; nothing was created or changed. */
public class FormRefusedException extends UserFacingException {

    private final List<FieldError> errors;

    FormRefusedException(List<FieldError> errors) {
        super("registration.form.invalid", errors.size());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
