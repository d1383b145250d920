package org.reviewdesk.documents.intake;

import java.io.IOException;
import java.nio.file.Path;
import org.reviewdesk.documents.inspection.DocumentType;

/**
 * Renders an inspected file's first pages as PNG. The intake's view of
 * {@code documents.inspection.PreviewRenderer} ({@link InspectionAdapters}); a port of its own so
 * the intake's tests can render without the inspection's worker and limits.
 */
public interface PageRendering {

    /** Renders pages 1 to at most {@code maxPages} of {@code file}, handing each to {@code pages} in order. */
    void render(Path file, DocumentType type, int maxPages, PageSink pages) throws IOException;

    @FunctionalInterface
    interface PageSink {
        /** {@code page} counts from 1; width and height in pixels. */
        void accept(int page, int width, int height, byte[] png) throws IOException;
    }
}
