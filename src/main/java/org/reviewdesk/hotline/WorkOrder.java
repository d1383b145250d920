package org.reviewdesk.hotline;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A work order as staff see it. The caller's mobile is masked ({@code 138****5678}); {@code mergedInto}
 * is the main order of a merged one, {@code mergedFrom} the orders merged into this one.
 */
public record WorkOrder(String number, WorkOrderState state, WorkOrderCategory category, IntakeChannel channel,
                        String callerName, String callerMobileMasked, String description, String uscc, String linkedRef,
                        String representativeCase, String takenBy, OffsetDateTime createdAt, String knowledgeEntry,
                        String identityCheckedBy, String identityCheck, String unitCode, String dispatchedBy,
                        OffsetDateTime dispatchedAt, OffsetDateTime signDue, String signedBy, OffsetDateTime signedAt,
                        OffsetDateTime handleDue, boolean overdue, String extensionReason, LocalDate extensionUntil,
                        String replyText, OffsetDateTime repliedAt, Satisfaction satisfaction, String callerWords,
                        boolean reopened, OffsetDateTime closedAt, String mergedInto, List<String> mergedFrom) {

    public WorkOrder {
        mergedFrom = List.copyOf(mergedFrom);
    }

    /** A line of the order's timeline. */
    public record Event(OffsetDateTime at, String kind, String actor, String detail) {
    }
}
