package org.reviewdesk.rules;

/** The verdict on a mobile number: {@link Accepted} or {@link Refused}. */
public sealed interface MobileCheck {

    default boolean isRefused() {
        return this instanceof Refused;
    }

    /** @param normalised the 11 digits, without country code, spaces or hyphens */
    record Accepted(String normalised) implements MobileCheck {
    }

    record Refused(MobileRefusalReason reason, RuleMessage message) implements MobileCheck {
    }
}
