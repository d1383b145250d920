package org.reviewdesk.documents.receipt;

/** One submitted document as the receipt lists it: its slot's label, the uploaded file, its version and pages. */
public record ReceiptDocument(String slotLabel, String fileName, int version, int pages) {
}
