package org.reviewdesk.documents.intake;

import org.springframework.modulith.NamedInterface;
import com.vaadin.flow.component.ComponentEvent;

/** A file was accepted and stored by a {@link DocumentUploadField}: {@link #document()} is the new version. */
@NamedInterface("intake")
public class DocumentUploadedEvent extends ComponentEvent<DocumentUploadField> {

    private final DocumentInfo document;

    public DocumentUploadedEvent(DocumentUploadField source, boolean fromClient, DocumentInfo document) {
        super(source, fromClient);
        this.document = document;
    }

    /** The stored version (its previews may still be PENDING). */
    public DocumentInfo document() {
        return document;
    }
}
