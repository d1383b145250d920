package org.reviewdesk.audit;

/** What an export wrote: its file name and how many records. */
public record AuditExport(String fileName, long rows) {
}
