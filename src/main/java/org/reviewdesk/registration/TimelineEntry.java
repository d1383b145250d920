package org.reviewdesk.registration;

import java.time.OffsetDateTime;

/**
 * Something that happened to an application, for its timeline.
 *
 * @param kind e.g. SUBMITTED, IN_REVIEW, SUPPLEMENT_REQUESTED; translated with {@code registration.event.<kind>}
 * @param detail free text of the act (a reason), or null
 */
public record TimelineEntry(OffsetDateTime at, String kind, String actor, String detail) {

    public String messageKey() {
        return "registration.event." + kind;
    }
}
