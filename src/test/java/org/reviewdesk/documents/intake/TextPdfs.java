package org.reviewdesk.documents.intake;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Licence-like one-page PDFs in Chinese, made in the test: with a text layer (WenQuanYi Zen Hei,
 * embedded), or the same lines as a picture only, as a scanner makes them.
 */
public final class TextPdfs {

    /** Debian's fonts-wqy-zenhei; the CI installs it. */
    static final Path CHINESE_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

    private TextPdfs() {
    }

    /** Each line of {@code lines} as a line of text. */
    public static byte[] withText(String... lines) {
        try (PDDocument document = new PDDocument();
             TrueTypeCollection fonts = new TrueTypeCollection(CHINESE_FONT.toFile())) {
            PDType0Font font = PDType0Font.load(document, fonts.getFontByName("WenQuanYiZenHei"), true);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(font, 16);
                content.newLineAtOffset(72, PDRectangle.A4.getHeight() - 100);
                for (String line : lines) {
                    content.showText(line);
                    content.newLineAtOffset(0, -28);
                }
                content.endText();
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines drawn into an image that fills the page: no text layer. */
    public static byte[] scanned(String... lines) {
        BufferedImage picture = new BufferedImage(1240, 1754, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, picture.getWidth(), picture.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(chineseFont(40));
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 150, 250 + i * 70);
        }
        g.dispose();
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDImageXObject image = LosslessFactory.createFromImage(document, picture);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Font chineseFont(float size) {
        try {
            return Arrays.stream(Font.createFonts(CHINESE_FONT.toFile()))
                    .filter(f -> f.getFontName().equals("WenQuanYi Zen Hei")).findFirst().orElseThrow()
                    .deriveFont(size);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("The Chinese test font " + CHINESE_FONT + " cannot be read", e);
        }
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }
}
