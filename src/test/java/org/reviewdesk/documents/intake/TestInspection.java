package org.reviewdesk.documents.intake;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.reviewdesk.documents.inspection.DocumentType;
import org.reviewdesk.documents.inspection.InspectionResult;
import org.reviewdesk.documents.inspection.PageSize;
import org.reviewdesk.documents.inspection.Refusal;
import org.reviewdesk.documents.inspection.RefusalReason;

/**
 * Stand-ins for the inspection package's inspector and renderer in the intake's tests: they trust
 * the test's own fixtures and check nothing hostile (that is the inspection's tests' job).
 */
final class TestInspection implements DocumentInspection, PageRendering {

    /** Renderings to fail before succeeding, for the FAILED and retry path. */
    final AtomicInteger failuresToCome = new AtomicInteger();

    /** Inspects on another thread, as the real worker does, so storing and inspecting overlap in the tests too. */
    @Override
    public CompletableFuture<InspectionResult> inspectAsync(Path file) {
        return CompletableFuture.supplyAsync(() -> inspect(file));
    }

    InspectionResult inspect(Path file) {
        try {
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(8);
            }
            if (head.length == 0) {
                return refused(null, RefusalReason.EMPTY);
            }
            DocumentType type = FirstBytes.type(head).orElse(null);
            if (type == null) {
                return refused(null, RefusalReason.UNSUPPORTED_TYPE);
            }
            if (type == DocumentType.PDF) {
                try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
                    List<PageSize> sizes = new ArrayList<>();
                    pdf.getPages().forEach(p -> sizes.add(new PageSize(p.getCropBox().getWidth(), p.getCropBox().getHeight(), 0)));
                    String text = new PDFTextStripper().getText(pdf);
                    return new InspectionResult(type, null, sizes.size(), sizes, 0, 0, Set.of(), text);
                }
            }
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                return refused(type, RefusalReason.DAMAGED);
            }
            return new InspectionResult(type, null, 1, List.of(), image.getWidth(), image.getHeight(), Set.of(), "");
        } catch (IOException e) {
            return refused(null, RefusalReason.DAMAGED);
        }
    }

    private static InspectionResult refused(DocumentType type, RefusalReason reason) {
        return new InspectionResult(type, Refusal.of(reason), 0, List.of(), 0, 0, Set.of(), "");
    }

    @Override
    public void render(Path file, DocumentType type, int maxPages, PageSink pages) throws IOException {
        if (failuresToCome.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IOException("rendering failed on purpose");
        }
        if (type == DocumentType.PDF) {
            try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
                PDFRenderer renderer = new PDFRenderer(pdf);
                for (int i = 0; i < Math.min(maxPages, pdf.getNumberOfPages()); i++) {
                    sink(pages, i + 1, renderer.renderImageWithDPI(i, 36));
                }
            }
        } else {
            sink(pages, 1, ImageIO.read(file.toFile()));
        }
    }

    private static void sink(PageSink pages, int page, BufferedImage image) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        pages.accept(page, image.getWidth(), image.getHeight(), png.toByteArray());
    }
}
