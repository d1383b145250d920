package org.reviewdesk.documents.inspection;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders previews reviewers read instead of downloading files: PDF pages at
 * {@link InspectionLimits#previewDpi()} (images inside subsampled, the picture capped at
 * 2480 x 3508 pixels), JPEG and PNG files scaled down to the size of an A4 page preview, decoded
 * with subsampling so a large image is never held at full size, and JPEGs turned upright as their
 * EXIF orientation says. Text in fonts the PDF embeds
 * (Chinese included) is drawn with those fonts.
 *
 * <p>A file is checked again exactly as {@link FileInspector} checks it before anything is drawn,
 * so a file that was never inspected cannot slip through. Runs in the shared
 * {@link InspectionWorker}, within its time limit.
 *
 * @throws InspectionRefusedException from every method, when the file fails a check, the job takes
 *     too long, or every worker stays busy ({@link RefusalReason#retryable()})
 */
public final class PreviewRenderer {

    private final InspectionLimits limits;
    private final InspectionWorker worker;

    public PreviewRenderer(InspectionLimits limits, InspectionWorker worker) {
        this.limits = limits;
        this.worker = worker;
    }

    /** Previews of the first {@link InspectionLimits#maxPreviewPages()} pages (one for an image), in one job. */
    public List<Preview> renderPreviews(Path file) {
        return render(file, 0, limits.maxPreviewPages());
    }

    /**
     * The preview of one page, 0 for the first.
     *
     * @throws IndexOutOfBoundsException when the file has no such page
     */
    public Preview renderPage(Path file, int pageIndex) {
        if (pageIndex < 0) {
            throw new IndexOutOfBoundsException("Page index " + pageIndex);
        }
        List<Preview> previews = render(file, pageIndex, 1);
        if (previews.isEmpty()) {
            throw new IndexOutOfBoundsException("Page index " + pageIndex + " beyond the last page");
        }
        return previews.get(0);
    }

    private List<Preview> render(Path file, int firstPage, int pages) {
        Optional<Refusal> sizeRefusal = Jobs.checkSize(Jobs.size(file), limits);
        if (sizeRefusal.isPresent()) {
            throw new InspectionRefusedException(sizeRefusal.get(), "size");
        }
        DocumentType type = Jobs.detect(file).orElseThrow(
                () -> InspectionRefusedException.of(RefusalReason.UNSUPPORTED_TYPE, "not a PDF, JPEG or PNG"));
        return Jobs.run(worker, () -> type == DocumentType.PDF
                ? renderPdf(file, firstPage, pages)
                : renderImage(file, type, firstPage));
    }

    private List<Preview> renderPdf(Path file, int firstPage, int pages) throws Exception {
        try (SafePdf pdf = SafePdf.open(file, limits)) {
            GuardedRenderer renderer = new GuardedRenderer(pdf);
            int end = (int) Math.min(pdf.pageSizes().size(), (long) firstPage + pages);
            List<Preview> previews = new ArrayList<>();
            for (int page = firstPage; page < end; page++) {
                previews.add(Previews.encode(page, renderer.render(page, limits.previewDpi())));
            }
            return previews;
        }
    }

    private List<Preview> renderImage(Path file, DocumentType type, int firstPage) throws Exception {
        if (firstPage > 0) {
            return List.of();
        }
        int longSide = Previews.imageLongSide(limits);
        ImageFiles.Decoded image = ImageFiles.read(file, type, limits.maxPixels(), longSide);
        return List.of(Previews.encode(0, image.upright(Previews.fit(image.picture(), longSide))));
    }
}
