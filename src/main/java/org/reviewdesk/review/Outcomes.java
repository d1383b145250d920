package org.reviewdesk.review;

/**
 * Decisions of a period by kind.
 *
 * @param decided finished decisions: approvals, rejections and the completed steps of processes that
 *     decide nothing on an application; never a request for documents
 * @param approved approvals of applications
 * @param rejected rejections of applications
 * @param documentsRequested requests for more documents (the case goes back to the applicant)
 */
public record Outcomes(long decided, long approved, long rejected, long documentsRequested) {

    static final Outcomes NONE = new Outcomes(0, 0, 0, 0);

    Outcomes plus(Outcomes other) {
        return new Outcomes(decided + other.decided, approved + other.approved, rejected + other.rejected,
                documentsRequested + other.documentsRequested);
    }
}
