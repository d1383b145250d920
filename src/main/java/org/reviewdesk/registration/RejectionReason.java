package org.reviewdesk.registration;

/** Why an application is rejected; each has a Chinese template in the bundle ({@link #messageKey()}). */
public enum RejectionReason {
    DOCUMENT_UNREADABLE,
    DOCUMENT_INCONSISTENT,
    NOT_THE_LEGAL_PERSON,
    REGISTERED_IN_SICHUAN,
    IDENTITY_NOT_VERIFIED,
    OTHER;

    public String messageKey() {
        return "registration.rejection." + name();
    }
}
