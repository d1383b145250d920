package org.reviewdesk.audit;

import java.time.OffsetDateTime;

/** One audit record as the viewer shows it. */
public record AuditEntry(long id, OffsetDateTime occurredAt, String actor, String action, String caseRef, String detail) {
}
