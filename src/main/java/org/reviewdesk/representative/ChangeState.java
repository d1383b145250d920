package org.reviewdesk.representative;

/** Where a legal-representative change stands. The final states free the credit code for another case. */
public enum ChangeState {
    /** Started; the applicant uploads the documents and submits. */
    AWAITING_DOCUMENTS,
    /** Submitted; the automated checks run. */
    CHECKING,
    IN_REVIEW,
    AWAITING_SUPPLEMENT,
    AWAITING_SECOND_APPROVAL,
    DEREGISTERED(true),
    REJECTED(true),
    STOPPED(true),
    WITHDRAWN(true);

    private final boolean isFinal;

    ChangeState() {
        this(false);
    }

    ChangeState(boolean isFinal) {
        this.isFinal = isFinal;
    }

    public boolean isFinal() {
        return isFinal;
    }

    public String messageKey() {
        return "representative.state." + name();
    }
}
