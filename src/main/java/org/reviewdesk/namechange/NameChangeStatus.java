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
 */
public record NameChangeStatus(String number, NameChangeState state, String uscc, String oldName, String newName,
                               List<Entry> timeline, String requestReason, String decisionText, RuleMessage stopReason, int licenceVersions,
                               OffsetDateTime renamedAt) {

    /** A line of the applicant's timeline: when, and what ({@code namechange.event.<kind>}). */
    public record Entry(OffsetDateTime at, String kind) {
    }
}
