package org.reviewdesk.audit;

import java.time.LocalDate;

/**
 * What an administrator looks for in the audit trail; every part optional (blank or null: any).
 * {@code from} and {@code to} are business days (China time), both included.
 */
public record AuditQuery(String actor, String caseRef, String action, LocalDate from, LocalDate to) {

    public static AuditQuery any() {
        return new AuditQuery(null, null, null, null, null);
    }
}
