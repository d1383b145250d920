package org.reviewdesk.documents.inspection;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Inspects an uploaded file before it is accepted: its type by content (PDF, JPEG, PNG), its size,
 * and for a PDF its structure, encryption, active content, pages and text layer; for an image its
 * dimensions. Every file is treated as hostile: see {@link SafePdf} and {@link ImageFiles} for what
 * is checked and why. Runs in the shared {@link InspectionWorker}, so at most
 * {@link InspectionLimits#maxConcurrent()} inspections run at once, each within
 * {@link InspectionLimits#timeout()}.
 *
 * <p>The file is read from disk (the caller streams the upload, or the stored object, to a temporary
 * file); PDFBox keeps unpacked streams in temporary files too, so a file is never held in memory
 * whole.
 */
public final class FileInspector {

    private final InspectionLimits limits;
    private final InspectionWorker worker;

    public FileInspector(InspectionLimits limits, InspectionWorker worker) {
        this.limits = limits;
        this.worker = worker;
    }

    public InspectionLimits limits() {
        return limits;
    }

    /**
     * The size rule alone, for the intake to apply while it streams: 0 bytes is refused as empty,
     * {@code maxBytes} is accepted, one byte more is refused.
     */
    public Optional<Refusal> checkSize(long bytes) {
        return Jobs.checkSize(bytes, limits);
    }

    /**
     * Inspects {@code file} and waits for the result. Never throws for anything about the file
     * itself: a refusal is a result.
     *
     * @throws java.io.UncheckedIOException when the file cannot be read at all (a server problem)
     */
    public InspectionResult inspect(Path file) {
        return Jobs.await(inspectAsync(file));
    }

    /**
     * Starts inspecting {@code file} in the worker and returns at once, so the caller can do other
     * work with the file meanwhile (it must not delete it before the future completes). The future
     * completes with the result, a refusal included (too slow, or every worker busy, too); it
     * completes exceptionally only when the file cannot be read at all (a server problem).
     * Cancelling it cancels the inspection.
     */
    public CompletableFuture<InspectionResult> inspectAsync(Path file) {
        DocumentType type;
        try {
            Optional<Refusal> sizeRefusal = checkSize(Jobs.size(file));
            if (sizeRefusal.isPresent()) {
                return CompletableFuture.completedFuture(InspectionResult.refused(null, sizeRefusal.get()));
            }
            Optional<DocumentType> detected = Jobs.detect(file);
            if (detected.isEmpty()) {
                return CompletableFuture.completedFuture(InspectionResult.refused(null, Refusal.of(RefusalReason.UNSUPPORTED_TYPE)));
            }
            type = detected.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<InspectionResult> inspecting = Jobs.submit(worker, () -> inspectNow(file, type));
        CompletableFuture<InspectionResult> result = inspecting.exceptionally(failure -> {
            Throwable cause = failure instanceof CompletionException wrapped ? wrapped.getCause() : failure;
            if (cause instanceof InspectionRefusedException refused) {
                return InspectionResult.refused(type, refused.refusal());
            }
            throw failure instanceof CompletionException wrapped ? wrapped : new CompletionException(cause);
        });
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                inspecting.cancel(true); // a dependent future does not cancel what it depends on
            }
        });
        return result;
    }

    private InspectionResult inspectNow(Path file, DocumentType type) throws Exception {
        if (type != DocumentType.PDF) {
            ImageFiles.Decoded image = ImageFiles.read(file, type, limits.maxPixels(), Previews.imageLongSide(limits));
            return InspectionResult.image(type, image.width(), image.height());
        }
        try (SafePdf pdf = SafePdf.open(file, limits)) {
            TextLayer.Text text = TextLayer.extract(pdf);
            Set<InspectionFlag> flags = EnumSet.noneOf(InspectionFlag.class);
            flags.addAll(pdf.flags());
            if (text.truncated()) {
                flags.add(InspectionFlag.TEXT_TRUNCATED);
            }
            return InspectionResult.pdf(pdf.pageSizes(), flags, text.text());
        }
    }
}
