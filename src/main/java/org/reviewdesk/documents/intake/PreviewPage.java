package org.reviewdesk.documents.intake;

/** A rendered page of a document; {@code page} counts from 1, width and height in pixels. */
public record PreviewPage(int page, int width, int height) {
}
