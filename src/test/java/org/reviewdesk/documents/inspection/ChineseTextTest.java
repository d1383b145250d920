package org.reviewdesk.documents.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A licence-like PDF with Chinese text in an embedded TrueType font (WenQuanYi Zen Hei). */
class ChineseTextTest extends InspectorHarness {

    private static final String HEADING = "营业执照";
    private static final String CODE_LINE = "统一社会信用代码 914403001922038216";
    private static final String NAME_LINE = "名称 成都锦江示例科技有限公司";
    private static final float HEADING_SIZE = 36;
    private static final float HEADING_FROM_TOP = 100;

    @BeforeAll
    static void fontIsInstalled() {
        assertThat(Files.isReadable(Fixtures.CHINESE_FONT))
                .as("The Chinese test font %s is missing: install Debian's fonts-wqy-zenhei (apt-get install fonts-wqy-zenhei)",
                        Fixtures.CHINESE_FONT)
                .isTrue();
    }

    @Test
    void textLayerHoldsTheCreditCodeAndCompanyName() throws IOException {
        InspectionResult result = inspect("licence.pdf", licence());

        assertAccepted(result);
        assertThat(result.text()).contains(HEADING, "统一社会信用代码", "914403001922038216", "成都锦江示例科技有限公司");
    }

    @Test
    void previewDrawsTheChineseGlyphsOfTheEmbeddedFont() throws IOException, FontFormatException {
        Preview preview = renderer().renderPage(file("licence.pdf", licence()), 0);
        BufferedImage picture = PreviewRendererTest.decode(preview);

        float scale = 110f / 72;
        int top = Math.round((HEADING_FROM_TOP - HEADING_SIZE) * scale);
        int bottom = Math.round((HEADING_FROM_TOP + HEADING_SIZE / 4) * scale);
        int drawn = PreviewRendererTest.darkPixels(picture, 0, top, picture.getWidth(), bottom);
        int expected = darkPixelsOfJava2dRendering(HEADING, HEADING_SIZE * scale);

        // missing glyphs would leave the line blank or draw empty boxes, nowhere near the real strokes
        assertThat(expected).isGreaterThan(1000);
        assertThat((double) drawn).isCloseTo(expected, within(expected * 0.35));
    }

    private static byte[] licence() throws IOException {
        try (PDDocument document = new PDDocument();
             TrueTypeCollection collection = new TrueTypeCollection(Fixtures.CHINESE_FONT.toFile())) {
            TrueTypeFont zenHei = collection.getFontByName("WenQuanYiZenHei");
            PDType0Font font = PDType0Font.load(document, zenHei, true);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            float top = PDRectangle.A4.getHeight();
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(font, HEADING_SIZE);
                content.newLineAtOffset(72, top - HEADING_FROM_TOP);
                content.showText(HEADING);
                content.setFont(font, 14);
                content.newLineAtOffset(0, -60);
                content.showText(CODE_LINE);
                content.newLineAtOffset(0, -24);
                content.showText(NAME_LINE);
                content.endText();
            }
            return Fixtures.save(document);
        }
    }

    private static int darkPixelsOfJava2dRendering(String text, float pixelSize) throws IOException, FontFormatException {
        Font font = Arrays.stream(Font.createFonts(Fixtures.CHINESE_FONT.toFile()))
                .filter(f -> f.getFontName().equals("WenQuanYi Zen Hei")).findFirst().orElseThrow()
                .deriveFont(pixelSize);
        BufferedImage picture = new BufferedImage(Math.round(pixelSize * (text.length() + 1)), Math.round(pixelSize * 2),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, picture.getWidth(), picture.getHeight());
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(font);
        g.drawString(text, pixelSize / 2, pixelSize * 1.5f);
        g.dispose();
        return PreviewRendererTest.darkPixels(picture, 0, 0, picture.getWidth(), picture.getHeight());
    }
}
