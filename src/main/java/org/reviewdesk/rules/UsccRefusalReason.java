package org.reviewdesk.rules;

/** Why a unified social credit code cannot be accepted at all. */
public enum UsccRefusalReason {
    EMPTY("rules.uscc.empty"),
    WRONG_LENGTH("rules.uscc.wrongLength"),
    INVALID_CHARACTER("rules.uscc.invalidCharacter");

    private final String messageKey;

    UsccRefusalReason(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
