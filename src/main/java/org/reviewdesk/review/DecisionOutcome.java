package org.reviewdesk.review;

import java.util.Optional;

/**
 * What a reviewer's decision on an application came to, as the dashboard counts it: approved and
 * rejected finish the case; a request for documents hands it back to the applicant and is no finished
 * decision. A process that {@linkplain CaseAdapter#reviewsApplications() reviews applications}
 * completes its decision task with the process variable {@value #VARIABLE} set to {@code APPROVE},
 * {@code REJECT} or {@code REQUEST_DOCUMENTS} (registration, processes 2 and 3 do).
 */
public enum DecisionOutcome {
    APPROVED,
    REJECTED,
    DOCUMENTS_REQUESTED;

    /** The process variable a reviewing process completes its decision task with. */
    public static final String VARIABLE = "decision";

    /** The outcome of a {@value #VARIABLE} value; empty for anything else (a step that decides nothing). */
    static Optional<DecisionOutcome> of(Object variable) {
        if (!(variable instanceof String value)) {
            return Optional.empty();
        }
        return switch (value) {
            case "APPROVE" -> Optional.of(APPROVED);
            case "REJECT" -> Optional.of(REJECTED);
            case "REQUEST_DOCUMENTS" -> Optional.of(DOCUMENTS_REQUESTED);
            default -> Optional.empty();
        };
    }

    public String messageKey() {
        return "review.outcome." + name();
    }
}
