package org.reviewdesk.documents.intake;

/** Where a document's page previews are; FAILED is shown to the reviewer and can be retried. */
public enum PreviewState {
    PENDING, READY, FAILED
}
