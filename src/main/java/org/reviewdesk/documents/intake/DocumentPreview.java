package org.reviewdesk.documents.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One rendered page of a document (table {@code document_preview}), a derived object in the store. */
@Entity
@Table(name = "document_preview")
class DocumentPreview {

    @EmbeddedId
    private Key key;

    @Column(name = "storage_key", nullable = false, length = 200, unique = true)
    private String storageKey;

    @Column(nullable = false)
    private int width;

    @Column(nullable = false)
    private int height;

    protected DocumentPreview() {
    }

    DocumentPreview(long documentId, int page, String storageKey, int width, int height) {
        this.key = new Key(documentId, page);
        this.storageKey = storageKey;
        this.width = width;
        this.height = height;
    }

    int page() { return key.page; }
    String storageKey() { return storageKey; }
    int width() { return width; }
    int height() { return height; }

    @Embeddable
    record Key(@Column(name = "document_id") long documentId, @Column(name = "page") int page) implements Serializable {
    }
}
