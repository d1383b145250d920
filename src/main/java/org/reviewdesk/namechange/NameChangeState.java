package org.reviewdesk.namechange;

/** Where a name change stands, as its applicant and the reviewer see it. */
public enum NameChangeState {
    CHECKING, IN_REVIEW, AWAITING_LICENCE, RENAMED, REJECTED, STOPPED;

    public String messageKey() {
        return "namechange.state." + name();
    }

    public boolean isFinal() {
        return this == RENAMED || this == REJECTED || this == STOPPED;
    }
}
