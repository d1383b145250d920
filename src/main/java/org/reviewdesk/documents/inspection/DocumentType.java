package org.reviewdesk.documents.inspection;

import org.springframework.modulith.NamedInterface;

/** The only file types accepted, recognised by their content, never by name or declared type. */
@NamedInterface("inspection")
public enum DocumentType {
    PDF("application/pdf", "pdf"),
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png");

    private final String mediaType;
    private final String extension;

    DocumentType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The media type to store and serve the original with. */
    public String mediaType() {
        return mediaType;
    }

    /** The usual file name extension, without the dot, for download names. */
    public String extension() {
        return extension;
    }
}
