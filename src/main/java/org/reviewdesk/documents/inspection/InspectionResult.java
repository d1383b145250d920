package org.reviewdesk.documents.inspection;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What inspecting one file found.
 *
 * @param type the type recognised by content; null when it is none of the accepted types
 * @param refusal why the file is refused; null when it is accepted
 * @param pageCount pages of a PDF, 1 for an image, 0 when refused
 * @param pageSizes each page of a PDF (empty for images and refused files)
 * @param imageWidth width in pixels of a JPEG or PNG (0 for PDFs)
 * @param imageHeight height in pixels of a JPEG or PNG (0 for PDFs)
 * @param flags what the reviewer should know about an accepted file
 * @param text the text layer of a PDF, at most {@link #MAX_TEXT_CHARS} characters (empty for images,
 *     scans without text and refused files), for cross-checks against the form
 */
public record InspectionResult(
        DocumentType type,
        Refusal refusal,
        int pageCount,
        List<PageSize> pageSizes,
        int imageWidth,
        int imageHeight,
        Set<InspectionFlag> flags,
        String text) {

    /** Text kept from a PDF's text layer; licences and ID scans have far less. */
    public static final int MAX_TEXT_CHARS = 200_000;

    public InspectionResult {
        pageSizes = List.copyOf(pageSizes);
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        text = text == null ? "" : text;
    }

    static InspectionResult refused(DocumentType type, Refusal refusal) {
        return new InspectionResult(type, refusal, 0, List.of(), 0, 0, Set.of(), "");
    }

    static InspectionResult pdf(List<PageSize> pageSizes, Set<InspectionFlag> flags, String text) {
        return new InspectionResult(DocumentType.PDF, null, pageSizes.size(), pageSizes, 0, 0, flags, text);
    }

    static InspectionResult image(DocumentType type, int width, int height) {
        return new InspectionResult(type, null, 1, List.of(), width, height, Set.of(), "");
    }

    public boolean accepted() {
        return refusal == null;
    }

    public boolean hasFlag(InspectionFlag flag) {
        return flags.contains(flag);
    }

    /** Without the text, which may be long. */
    @Override
    public String toString() {
        return "InspectionResult[type=" + type + ", refusal=" + refusal + ", pageCount=" + pageCount
                + ", pageSizes=" + pageSizes + ", imageWidth=" + imageWidth + ", imageHeight=" + imageHeight
                + ", flags=" + flags + ", text=" + text.length() + " chars]";
    }
}
