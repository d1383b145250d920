package org.reviewdesk.documents.inspection;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;
import org.apache.pdfbox.rendering.RenderDestination;

/**
 * Renders pages of a checked PDF: images subsampled rather than unpacked at full size, the picture
 * capped at {@value #MAX_WIDTH} x {@value #MAX_HEIGHT} pixels (A4 at 300 dpi; turned for landscape
 * pages), stopping when cancelled, inline images measured before PDFBox unpacks them.
 */
final class GuardedRenderer extends PDFRenderer {

    static final int MAX_WIDTH = 2480;
    static final int MAX_HEIGHT = 3508;

    private final SafePdf pdf;

    GuardedRenderer(SafePdf pdf) {
        super(pdf.document());
        this.pdf = pdf;
        setSubsamplingAllowed(true);
    }

    BufferedImage render(int pageIndex, float dpi) throws IOException {
        PDPage page = pdf.document().getPage(pageIndex);
        PDRectangle crop = page.getCropBox();
        boolean turned = page.getRotation() % 180 != 0;
        float width = turned ? crop.getHeight() : crop.getWidth();
        float height = turned ? crop.getWidth() : crop.getHeight();
        float boxWidth = width > height ? MAX_HEIGHT : MAX_WIDTH;
        float boxHeight = width > height ? MAX_WIDTH : MAX_HEIGHT;
        float scale = Math.min(dpi / 72f, Math.min(boxWidth / width, boxHeight / height));
        return renderImage(pageIndex, scale, ImageType.RGB, RenderDestination.VIEW);
    }

    @Override
    protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
        StreamGuard guard = pdf.guard();
        return new PageDrawer(parameters) {
            @Override
            protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
                guard.beforeOperator(operator);
                super.processOperator(operator, operands);
            }
        };
    }
}
