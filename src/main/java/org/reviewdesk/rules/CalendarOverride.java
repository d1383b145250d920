package org.reviewdesk.rules;

import java.time.Instant;
import java.time.LocalDate;

/** A day an administrator made working or non-working by hand, and who did it when. */
public record CalendarOverride(LocalDate day, boolean working, String note, String createdBy, Instant createdAt) {
}
