package org.reviewdesk.documents.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.junit.jupiter.api.Test;

class PreviewRendererTest extends InspectorHarness {

    @Test
    void firstPageOfAPdfRendersAsAnA4PictureAt110Dpi() throws IOException {
        Path pdf = file("licence.pdf", Fixtures.pdf(3));

        Preview preview = renderer().renderPage(pdf, 0);

        BufferedImage picture = decode(preview);
        assertThat(preview.pageIndex()).isZero();
        assertThat(picture.getWidth()).isEqualTo(preview.width()).isCloseTo(909, within(2));
        assertThat(picture.getHeight()).isEqualTo(preview.height()).isCloseTo(1286, within(2));
        assertThat(darkPixels(picture, 0, 0, picture.getWidth(), picture.getHeight())).as("something drawn").isGreaterThan(500);
    }

    @Test
    void previewsCoverTheFirstPagesUpToTheLimit() throws IOException {
        List<Preview> previews = renderer().renderPreviews(file("long.pdf", Fixtures.pdf(12)));

        assertThat(previews).hasSize(10).extracting(Preview::pageIndex).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void laterPageAndTurnedPageRender() throws IOException {
        byte[] pdf;
        try (PDDocument document = Fixtures.document(1)) {
            PDPage turned = new PDPage(PDRectangle.A4);
            turned.setRotation(90);
            document.addPage(turned);
            pdf = Fixtures.save(document);
        }

        Preview preview = renderer().renderPage(file("turned.pdf", pdf), 1);

        assertThat(preview.pageIndex()).isEqualTo(1);
        assertThat(preview.width()).isCloseTo(1286, within(2));
        assertThat(preview.height()).isCloseTo(909, within(2));
    }

    @Test
    void pageBeyondTheLastIsAnError() throws IOException {
        Path pdf = file("short.pdf", Fixtures.pdf(2));

        assertThatThrownBy(() -> renderer().renderPage(pdf, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void hugePageIsRenderedWithinThePixelCap() throws IOException {
        try (PDDocument document = Fixtures.document(1, new PDRectangle(14_400, 7_200))) {
            Preview preview = renderer().renderPage(file("poster.pdf", Fixtures.save(document)), 0);

            assertThat(preview.width()).isLessThanOrEqualTo(3508);
            assertThat(preview.height()).isLessThanOrEqualTo(2480);
            assertThat(decode(preview).getWidth()).isEqualTo(preview.width());
        }
    }

    @Test
    void jpegPreviewIsScaledDownToPageSize() throws IOException {
        Preview preview = renderer().renderPage(file("id.jpg", Fixtures.jpeg(3000, 2000)), 0);

        BufferedImage picture = decode(preview);
        assertThat(picture.getWidth()).isEqualTo(1286);
        assertThat(picture.getHeight()).isCloseTo(857, within(1));
    }

    @Test
    void smallPngPreviewKeepsItsSizeAndLosesTransparency() throws IOException {
        List<Preview> previews = renderer().renderPreviews(file("id.png", Fixtures.png(640, 400, true)));

        assertThat(previews).hasSize(1);
        BufferedImage picture = decode(previews.get(0));
        assertThat(picture.getWidth()).isEqualTo(640);
        assertThat(picture.getHeight()).isEqualTo(400);
        assertThat(picture.getColorModel().hasAlpha()).isFalse();
    }

    @Test
    void fileThatFailsInspectionIsNotRendered() throws IOException {
        byte[] pdf;
        try (PDDocument document = Fixtures.document(1)) {
            document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert(1)"));
            pdf = Fixtures.save(document);
        }
        Path file = file("script.pdf", pdf);

        assertThatThrownBy(() -> renderer().renderPage(file, 0))
                .isInstanceOfSatisfying(InspectionRefusedException.class,
                        e -> assertThat(e.refusal().reason()).isEqualTo(RefusalReason.JAVASCRIPT));
    }

    @Test
    void imageBeyondThePixelLimitIsNotRendered() {
        Path png = file("huge.png", Fixtures.singleColourPng(14_000, 14_000));

        assertThatThrownBy(() -> renderer().renderPreviews(png))
                .isInstanceOfSatisfying(InspectionRefusedException.class,
                        e -> assertThat(e.refusal().reason()).isEqualTo(RefusalReason.IMAGE_TOO_LARGE));
    }

    @Test
    void inlineImageBombIsNotRendered() {
        byte[] data = Fixtures.deflateWithZeros(new byte[0], 200L * 1024 * 1024);
        byte[] content = Fixtures.latin1("q 100 0 0 100 72 72 cm\nBI /W 5000 /H 5000 /BPC 8 /CS /G /F [/AHx /Fl] ID\n"
                + HexFormat.of().formatHex(data) + ">\nEI\nQ\n");
        Path pdf = file("inline.pdf", RawPdf.onePage().stream(4, "", content).build());

        assertThatThrownBy(() -> renderer().renderPage(pdf, 0))
                .isInstanceOfSatisfying(InspectionRefusedException.class,
                        e -> assertThat(e.refusal().reason()).isEqualTo(RefusalReason.STREAM_TOO_LARGE));
    }

    static BufferedImage decode(Preview preview) throws IOException {
        assertThat(Preview.MEDIA_TYPE).isEqualTo("image/png");
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(preview.png()));
        assertThat(picture).as("a PNG ImageIO can read").isNotNull();
        return picture;
    }

    static int darkPixels(BufferedImage picture, int x0, int y0, int x1, int y1) {
        int dark = 0;
        for (int y = Math.max(0, y0); y < Math.min(picture.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(picture.getWidth(), x1); x++) {
                int rgb = picture.getRGB(x, y);
                int luminance = ((rgb >> 16 & 0xFF) * 3 + (rgb >> 8 & 0xFF) * 6 + (rgb & 0xFF)) / 10;
                if (luminance < 100) {
                    dark++;
                }
            }
        }
        return dark;
    }
}
