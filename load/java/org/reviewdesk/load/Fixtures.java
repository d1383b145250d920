package org.reviewdesk.load;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * What the load's applicants send: real small documents made once (a one-page PDF, a PNG and a
 * JPEG, as a phone's scan would be), and per application a form that breaks no rule with a credit
 * code, an ID number and a mobile nobody used before, so no applicant meets another's open
 * application or the per-mobile limits.
 */
final class Fixtures {

    static final byte[] LICENCE_PDF = pdf("Business licence - load test");
    static final byte[] ID_FRONT_PNG = image("png", Color.GRAY);
    static final byte[] ID_BACK_JPEG = image("jpeg", Color.DARK_GRAY);

    // a run's start in seconds makes the codes of two runs on one database differ
    private static final AtomicLong NEXT = new AtomicLong((System.currentTimeMillis() / 1000) % 100_000 * 10_000);
    private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final char[] ID_CHECK = "10X98765432".toCharArray();
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private Fixtures() {
    }

    /** One applicant: fields for the form and the mobile the SMS stub is asked about. */
    static Map<String, Object> applicant() {
        long n = NEXT.incrementAndGet();
        String body = "91" + "440300" + String.format("%09d", n % 1_000_000_000L);
        return Map.of(
                "uscc", body + usccCheck(body),
                "name", "深圳市负载测试第" + n + "号有限公司",
                "idNumber", residentId(n),
                // 139 + 8 digits: a new mobile for each application
                "mobile", "139" + String.format("%08d", n % 100_000_000L));
    }

    /** GB 32100's check character of 17 digits (the alphabet's first ten characters are the digits). */
    private static char usccCheck(String digits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (digits.charAt(i) - '0') * USCC_WEIGHTS[i];
        }
        return USCC_ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** A Beijing (110105) resident ID born 1980-01-01 with a valid check character. */
    private static String residentId(long n) {
        String body = "11010519800101" + String.format("%03d", n % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return body + ID_CHECK[sum % 11];
    }

    private static byte[] pdf(String text) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 18);
                content.newLineAtOffset(72, 720);
                content.showText(text);
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] image(String format, Color box) {
        BufferedImage image = new BufferedImage(640, 400, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 640, 400);
        g.setColor(box);
        g.fillRect(40, 40, 560, 320);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
