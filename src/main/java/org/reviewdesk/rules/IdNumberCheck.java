package org.reviewdesk.rules;

import java.time.LocalDate;

/** The verdict on a personal ID number: {@link Accepted} or {@link Refused}. */
public sealed interface IdNumberCheck {

    /** The number as it will be stored: spaces removed, full-width folded to ASCII. */
    String normalised();

    default boolean isRefused() {
        return this instanceof Refused;
    }

    record Accepted(String normalised, IdType type, LocalDate birthDate) implements IdNumberCheck {
    }

    record Refused(String normalised, IdRefusalReason reason, RuleMessage message) implements IdNumberCheck {
    }
}
