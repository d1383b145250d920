package org.reviewdesk.registration;

import org.reviewdesk.review.DocumentVerdict;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Something that happened to an application, for its timeline.
 *
 * @param kind e.g. SUBMITTED, IN_REVIEW, SUPPLEMENT_REQUESTED; translated with {@code registration.event.<kind>}
 * @param detail free text of the act (a reason), or null
 * @param verdicts a decision's verdicts per document (staff timeline only), else empty
 */
public record TimelineEntry(OffsetDateTime at, String kind, String actor, String detail, List<DocumentVerdict> verdicts) {

    public TimelineEntry {
        verdicts = List.copyOf(verdicts);
    }

    public String messageKey() {
        return "registration.event." + kind;
    }
}
