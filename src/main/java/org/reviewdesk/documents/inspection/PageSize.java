package org.reviewdesk.documents.inspection;

/**
 * The visible area (crop box) of a PDF page in points (1/72 inch), before rotation, and the
 * page's rotation in degrees clockwise (0, 90, 180, 270).
 */
public record PageSize(float width, float height, int rotation) {

    /** A4 portrait is about 210 x 297. */
    public double widthMillimetres() {
        return width * 25.4 / 72;
    }

    public double heightMillimetres() {
        return height * 25.4 / 72;
    }
}
