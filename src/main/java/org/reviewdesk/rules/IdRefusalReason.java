package org.reviewdesk.rules;

/** Why a personal ID number is refused, each with the key of a message that says what to fix. */
public enum IdRefusalReason {
    EMPTY("rules.id.empty"),
    WRONG_LENGTH("rules.id.wrongLength"),
    INVALID_CHARACTER("rules.id.invalidCharacter"),
    /** The portal refuses a lower-case x (its FAQ tells people to switch to upper case); so do we. */
    LOWER_CASE_X("rules.id.lowerCaseX"),
    /** The number begins like another document's; the message key depends on the declared type. */
    WRONG_PREFIX_FOR_TYPE("rules.id.wrongPrefix"),
    INVALID_DATE("rules.id.invalidDate"),
    BIRTH_DATE_TOO_EARLY("rules.id.birthDateTooEarly"),
    FUTURE_BIRTH_DATE("rules.id.futureBirthDate"),
    CHECK_DIGIT_MISMATCH("rules.id.checkDigitMismatch");

    private final String messageKey;

    IdRefusalReason(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
