package org.reviewdesk.registration;

/** Where an application stands. Open states hold the credit code against a second application. */
public enum RegistrationState {
    /** Being filled in; documents may be uploaded; nothing is checked or reviewed yet. */
    DRAFT,
    /** Submitted; the automated checks run. */
    SUBMITTED,
    IN_REVIEW,
    /** The reviewer asked for documents; the review clock is paused. */
    AWAITING_SUPPLEMENT,
    APPROVED,
    REJECTED,
    /** No answer to a request for documents in time. */
    WITHDRAWN,
    /** An automated check stopped it (e.g. a Sichuan code, an active account). */
    STOPPED;

    public boolean isOpen() {
        return this == SUBMITTED || this == IN_REVIEW || this == AWAITING_SUPPLEMENT;
    }

    public boolean isFinal() {
        return this == APPROVED || this == REJECTED || this == WITHDRAWN || this == STOPPED;
    }

    public String messageKey() {
        return "registration.state." + name();
    }
}
