package org.reviewdesk.documents.inspection;

import org.springframework.modulith.NamedInterface;

/** Something the reviewer should know about an accepted file; each has a message key. */
@NamedInterface("inspection")
public enum InspectionFlag {
    /**
     * The PDF is encrypted but opens without a password (only an owner password restricts printing,
     * copying or editing): accepted, the reviewer is told.
     */
    OWNER_PASSWORD_ONLY("inspection.flag.ownerPasswordOnly"),
    /** The PDF was changed after it was first saved (incremental updates, e.g. by signing or editing). */
    INCREMENTAL_UPDATES("inspection.flag.incrementalUpdates"),
    /** The PDF carries a digital signature; it was not verified. */
    SIGNED("inspection.flag.signed"),
    /** The PDF links to web addresses. */
    EXTERNAL_LINKS("inspection.flag.externalLinks"),
    /** The PDF has more text than is kept for cross-checks; only the beginning is kept. */
    TEXT_TRUNCATED("inspection.flag.textTruncated");

    private final String messageKey;

    InspectionFlag(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
