package org.reviewdesk.documents.inspection;

/**
 * One rendered page (or the picture of an image file) as PNG bytes, to be stored as a derived
 * object of the document.
 *
 * @param pageIndex 0 for the first page
 * @param width width of the picture in pixels
 * @param height height of the picture in pixels
 * @param png the PNG file
 */
public record Preview(int pageIndex, int width, int height, byte[] png) {

    public static final String MEDIA_TYPE = "image/png";

    @Override
    public String toString() {
        return "Preview[pageIndex=" + pageIndex + ", width=" + width + ", height=" + height + ", png=" + png.length + " bytes]";
    }
}
