package org.reviewdesk.documents.inspection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of file inspection and preview rendering ({@code reviewdesk.documents.inspection}).
 *
 * @param maxBytes largest accepted file; exactly this size is accepted, one byte more is not
 * @param maxPages most pages a PDF may have
 * @param maxPixels most pixels an image (a JPEG, a PNG, or an image inside a PDF) may declare
 * @param timeout time one inspection or one preview job may run once a worker has started it;
 *     waiting for a free worker may take as long again before the caller is told to retry
 * @param maxConcurrent inspections and renderings that run at the same time
 * @param maxPreviewPages pages of a PDF rendered as previews
 * @param previewDpi resolution of page previews (110 dpi: an A4 page is 909 x 1286 pixels)
 */
@ConfigurationProperties("reviewdesk.documents.inspection")
public record InspectionLimits(
        @DefaultValue("10485760") long maxBytes,
        @DefaultValue("50") int maxPages,
        @DefaultValue("40000000") long maxPixels,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("2") int maxConcurrent,
        @DefaultValue("10") int maxPreviewPages,
        @DefaultValue("110") float previewDpi) {

    /** 10 MB, 50 pages, 40 megapixels, 10 s, 2 at a time, 10 preview pages at 110 dpi. */
    public static final InspectionLimits DEFAULTS =
            new InspectionLimits(10L * 1024 * 1024, 50, 40_000_000L, Duration.ofSeconds(10), 2, 10, 110f);

    public InspectionLimits {
        require(maxBytes > 0, "maxBytes must be positive, was " + maxBytes);
        require(maxPages > 0, "maxPages must be positive, was " + maxPages);
        require(maxPixels > 0, "maxPixels must be positive, was " + maxPixels);
        require(timeout != null && !timeout.isNegative() && !timeout.isZero(), "timeout must be positive, was " + timeout);
        require(maxConcurrent > 0, "maxConcurrent must be positive, was " + maxConcurrent);
        require(maxPreviewPages > 0, "maxPreviewPages must be positive, was " + maxPreviewPages);
        require(previewDpi >= 18 && previewDpi <= 600, "previewDpi must be between 18 and 600, was " + previewDpi);
    }

    public InspectionLimits withMaxBytes(long value) {
        return new InspectionLimits(value, maxPages, maxPixels, timeout, maxConcurrent, maxPreviewPages, previewDpi);
    }

    public InspectionLimits withMaxPixels(long value) {
        return new InspectionLimits(maxBytes, maxPages, value, timeout, maxConcurrent, maxPreviewPages, previewDpi);
    }

    public InspectionLimits withTimeout(Duration value) {
        return new InspectionLimits(maxBytes, maxPages, maxPixels, value, maxConcurrent, maxPreviewPages, previewDpi);
    }

    public InspectionLimits withMaxConcurrent(int value) {
        return new InspectionLimits(maxBytes, maxPages, maxPixels, timeout, value, maxPreviewPages, previewDpi);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("reviewdesk.documents.inspection: " + message);
        }
    }
}
