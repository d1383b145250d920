package org.reviewdesk.representative;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the applicant sees of a case on the status page: its state, the organisation, the timeline
 * (what they may see), the documents each slot holds, what was asked for, the decision's text and the
 * receipts the case has now.
 */
public record ChangeStatus(String number, ChangeState state, String uscc, String accountName, ChangeReason reason,
                           String representativeNameMasked, List<Slot> slots, List<Entry> timeline,
                           List<String> requestedSlots, String requestReason, String decisionText,
                           OffsetDateTime deregisteredAt, String reRegistrationLink, List<ChangeReceipt> receipts) {

    /** A document slot and how many versions it holds. */
    public record Slot(String slot, int versions) {
    }

    /** A timeline line: when, what (a message key {@code representative.event.<kind>}), any text. */
    public record Entry(OffsetDateTime at, String kind, String detail) {
    }
}
