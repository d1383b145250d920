package org.reviewdesk.registration;

import java.util.List;

/** A reviewer's outcome of the review task. */
public sealed interface ReviewDecision {

    record Approve(String comment) implements ReviewDecision {
    }

    /** @param reasonCodes from {@link RejectionReason}; {@code text} is required with OTHER */
    record Reject(List<RejectionReason> reasonCodes, String text) implements ReviewDecision {
        public Reject {
            reasonCodes = List.copyOf(reasonCodes);
        }
    }

    /** @param slots document slots of which a new version is needed; {@code reason} tells the applicant why */
    record RequestDocuments(List<String> slots, String reason) implements ReviewDecision {
        public RequestDocuments {
            slots = List.copyOf(slots);
        }
    }
}
