package org.reviewdesk.documents.intake;

import org.springframework.modulith.NamedInterface;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.reviewdesk.documents.inspection.DocumentType;
import org.reviewdesk.documents.inspection.InspectionFlag;

/**
 * A stored version of a case's document slot, as views and other capabilities see it (no storage
 * key, no text layer: {@link DocumentService#textLayer} gives that).
 *
 * @param id the internal id, for calls inside the application; never put it in a URL
 * @param publicId the random id that URLs carry ({@code /api/documents/{publicId}/original})
 * @param flags what the inspection told the reviewer (e.g. owner password only)
 * @param pageCount pages of a PDF, 1 for an image
 */
@NamedInterface("intake")
public record DocumentInfo(
        long id,
        UUID publicId,
        String caseRef,
        String slot,
        int version,
        String displayName,
        DocumentType type,
        long sizeBytes,
        String sha256,
        PreviewState previewState,
        int pageCount,
        Set<InspectionFlag> flags,
        String createdBy,
        OffsetDateTime createdAt) {

    public DocumentInfo {
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    /** Whether this is an ID scan: slot names starting with {@value DocumentService#ID_SCAN_SLOT_PREFIX}. */
    public boolean idScan() {
        return DocumentService.isIdScan(slot);
    }
}
