package org.reviewdesk.namechange;

import java.time.OffsetDateTime;
import java.util.List;
import org.reviewdesk.rules.RuleMessage;

/**
 * A name change as its applicant sees it.
 *
 * @param requestReason why the reviewer asks for the licence again, while it is awaited
 * @param decisionText the rejection's reasons
 * @param stopReason what the automated check that stopped the case found
 * @param submittedAt when the case was submitted (null while it waits for its licence)
 * @param reviewDue when the review is due, while it runs
 * @param receiptAvailable whether the receipt (or, once renamed, the confirmation) can be downloaded
 */
public record NameChangeStatus(String number, NameChangeState state, String uscc, String oldName, String newName,
                               List<Entry> timeline, String requestReason, String decisionText, RuleMessage stopReason, int licenceVersions,
                               OffsetDateTime renamedAt, OffsetDateTime submittedAt, OffsetDateTime reviewDue,
                               boolean receiptAvailable) {

    /** A line of the applicant's timeline: when, and what ({@code namechange.event.<kind>}). */
    public record Entry(OffsetDateTime at, String kind) {
    }
}
