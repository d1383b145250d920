package org.reviewdesk.review;

/**
 * Where a case stands, the same for every process, so that one filter of the case search finds, say,
 * every case waiting for its applicant whatever the process calls that state. Each process maps its
 * own states when it writes its {@link CaseEntry}.
 */
public enum CasePhase {
    /** Checked, reviewed, dispatched or handled by staff or the engine. */
    IN_PROGRESS,
    /** The applicant's turn: documents, a supplement or a licence to send, or a started case not yet submitted. */
    WAITING_APPLICANT,
    /** Approved and carried out (account opened, deregistered, renamed), or a work order closed. */
    COMPLETED,
    REJECTED,
    /** Ended without a decision on the merits: withdrawn, stopped by a check, merged. */
    ENDED;

    public String messageKey() {
        return "review.cases.phase." + name();
    }
}
