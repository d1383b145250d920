package org.reviewdesk.documents.intake;

import org.springframework.modulith.NamedInterface;

/** Where a document's page previews are; FAILED is shown to the reviewer and can be retried. */
@NamedInterface("intake")
public enum PreviewState {
    PENDING, READY, FAILED
}
