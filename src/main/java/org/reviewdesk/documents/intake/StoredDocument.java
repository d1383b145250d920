package org.reviewdesk.documents.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.reviewdesk.documents.inspection.DocumentType;

/** One stored version of a case's document slot (table {@code document}). */
@Entity
@Table(name = "document")
class StoredDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The id in URLs: random, so one document's address tells nothing about another's. */
    @Column(name = "public_id", nullable = false, unique = true, updatable = false)
    private UUID publicId;

    @Column(name = "case_ref", nullable = false, length = 100)
    private String caseRef;

    @Column(nullable = false, length = 64)
    private String slot;

    @Column(nullable = false)
    private int version;

    @Column(name = "display_name", nullable = false, length = 255)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(name = "detected_type", nullable = false, length = 16)
    private DocumentType detectedType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    /** char(64) in the table: without the JDBC type Hibernate expects varchar and PostgreSQL's validation fails. */
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "storage_key", nullable = false, length = 200, unique = true)
    private String storageKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private DocumentState state;

    @Enumerated(EnumType.STRING)
    @Column(name = "preview_state", nullable = false, length = 16)
    private PreviewState previewState;

    @Column(name = "page_count")
    private Integer pageCount;

    @Column(length = 200)
    private String flags;

    @Column(name = "text_layer", length = 200_000)
    private String textLayer;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected StoredDocument() {
    }

    StoredDocument(String caseRef, String slot, int version, String displayName, DocumentType detectedType,
                   long sizeBytes, String sha256, String storageKey, Integer pageCount, String flags,
                   String textLayer, String createdBy, OffsetDateTime createdAt) {
        this.publicId = UUID.randomUUID();
        this.caseRef = caseRef;
        this.slot = slot;
        this.version = version;
        this.displayName = displayName;
        this.detectedType = detectedType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.storageKey = storageKey;
        this.state = DocumentState.INSPECTED;
        this.previewState = PreviewState.PENDING;
        this.pageCount = pageCount;
        this.flags = flags;
        this.textLayer = textLayer;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    Long id() { return id; }
    UUID publicId() { return publicId; }
    String caseRef() { return caseRef; }
    String slot() { return slot; }
    int version() { return version; }
    String displayName() { return displayName; }
    DocumentType detectedType() { return detectedType; }
    long sizeBytes() { return sizeBytes; }
    String sha256() { return sha256; }
    String storageKey() { return storageKey; }
    DocumentState state() { return state; }
    PreviewState previewState() { return previewState; }
    Integer pageCount() { return pageCount; }
    String flags() { return flags; }
    String textLayer() { return textLayer; }
    String createdBy() { return createdBy; }
    OffsetDateTime createdAt() { return createdAt; }

    void previewState(PreviewState value) {
        this.previewState = value;
    }
}
