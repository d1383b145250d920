package org.reviewdesk.review;

import java.time.OffsetDateTime;

/** An internal comment of a staff member on a case, never shown to the applicant. */
public record CaseComment(long id, String author, String authorName, String body, OffsetDateTime createdAt) {
}
