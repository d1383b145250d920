package org.reviewdesk.rules;

/** Why a mobile number is refused. */
public enum MobileRefusalReason {
    EMPTY("rules.mobile.empty"),
    /** A country code other than +86: only mainland numbers receive the desk's text messages. */
    NOT_MAINLAND("rules.mobile.notMainland"),
    INVALID_CHARACTER("rules.mobile.invalidCharacter"),
    WRONG_LENGTH("rules.mobile.wrongLength"),
    /** Eleven digits, but not 1[3-9]: a landline or a typing error. */
    NOT_A_MOBILE_NUMBER("rules.mobile.notAMobileNumber");

    private final String messageKey;

    MobileRefusalReason(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
