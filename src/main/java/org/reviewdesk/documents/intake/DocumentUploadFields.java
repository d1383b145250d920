package org.reviewdesk.documents.intake;

import org.springframework.modulith.NamedInterface;
import org.reviewdesk.documents.inspection.InspectionLimits;
import org.springframework.stereotype.Component;

/** Builds {@link DocumentUploadField}s with the configured size limit; inject it into views. */
@NamedInterface("intake")
@Component
public class DocumentUploadFields {

    private final DocumentService documents;
    private final InspectionLimits limits;

    DocumentUploadFields(DocumentService documents, InspectionLimits limits) {
        this.documents = documents;
        this.limits = limits;
    }

    /**
     * @param label the slot's name as the user sees it (already translated)
     * @param actor recorded as the uploader of each version
     * @param access who reads the thumbnails ({@link Access#applicantOf} only after the access code was checked)
     */
    public DocumentUploadField create(String caseRef, String slot, String label, String actor, Access access) {
        return new DocumentUploadField(documents, limits, caseRef, slot, label, actor, access);
    }

    /** The largest file accepted, in bytes. */
    public long maxBytes() {
        return limits.maxBytes();
    }
}
