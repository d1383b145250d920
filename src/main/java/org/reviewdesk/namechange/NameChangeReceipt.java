package org.reviewdesk.namechange;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.rules.Masking;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The name change's receipt as an A4 PDF in Simplified Chinese (an official document, whatever the
 * screen's language): the acceptance receipt (受理回执) of a submitted case, and once the account is
 * renamed the confirmation (变更确认): old name, new name, when, the case number.
 *
 * <p>Temporary and deliberately small: the registration receipt's font search and page layout
 * ({@code registration.receipt}) are package-private and are being moved to a shared package on
 * another branch. Until then this class reads the same font settings
 * ({@code reviewdesk.registration.receipt.font} / {@code font-name} / {@code issuer}) and searches the
 * same system locations; once the shared code lands it should render through it (noted for the lead).
 */
@Component
class NameChangeReceipt {

    /** The registration receipt's system locations (its {@code ReceiptFont.SYSTEM_LOCATIONS}), TrueType outlines only. */
    static final List<Path> SYSTEM_LOCATIONS = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
            Path.of("C:/Windows/Fonts/simsun.ttc"),
            Path.of("C:/Windows/Fonts/msyh.ttc"),
            Path.of("/Library/Fonts/Arial Unicode.ttf"));
    static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;
    private static final String PROBE = "受理回执名称变更企业";
    private static final float MARGIN = 64f;
    private static final Color RED = new Color(0xc0, 0x1a, 0x1a);

    private final MessageSource messages;
    private final BusinessTime time;
    private final String configuredFont;
    private final String configuredFontName;
    private final String issuer;

    NameChangeReceipt(MessageSource messages, BusinessTime time,
                      @Value("${reviewdesk.registration.receipt.font:}") String configuredFont,
                      @Value("${reviewdesk.registration.receipt.font-name:}") String configuredFontName,
                      @Value("${reviewdesk.registration.receipt.issuer:}") String issuer) {
        this.messages = messages;
        this.time = time;
        this.configuredFont = configuredFont.strip();
        this.configuredFontName = configuredFontName.strip();
        this.issuer = issuer.strip();
    }

    /** The PDF's file name: in Chinese, as the document is. */
    static String fileName(String number, boolean renamed) {
        return (renamed ? "名称变更确认书-" : "受理回执-") + number + ".pdf";
    }

    /** The PDF of a submitted case: the confirmation once RENAMED, else the acceptance receipt. */
    byte[] render(NameChangeCase c, int reviewWorkingDays) {
        boolean renamed = c.state() == NameChangeState.RENAMED;
        try (Font font = openFont(); PDDocument document = new PDDocument()) {
            PDType0Font pdfFont = PDType0Font.load(document, font.ttf(), true);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            String title = text(renamed ? "namechange.receipt.confirmationTitle" : "namechange.receipt.title");
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                float y = PDRectangle.A4.getHeight() - MARGIN;
                String issuedBy = issuer.isEmpty() ? text("receipt.issuer") : issuer;
                y = centred(out, pdfFont, font, issuedBy, 13f, y, Color.DARK_GRAY);
                y = centred(out, pdfFont, font, title, 22f, y - 6, RED);
                out.setStrokingColor(RED);
                out.setLineWidth(1.4f);
                out.moveTo(MARGIN, y);
                out.lineTo(MARGIN + width, y);
                out.stroke();
                y -= 24;
                for (String line : lines(c, renamed, reviewWorkingDays)) {
                    for (String wrapped : wrap(pdfFont, font, line, 11.5f, width)) {
                        y = show(out, pdfFont, wrapped, 11.5f, MARGIN, y, Color.BLACK);
                    }
                    y -= 4;
                }
                y -= 16;
                for (String wrapped : wrap(pdfFont, font, text("namechange.receipt.statusHint"), 10f, width)) {
                    y = show(out, pdfFont, wrapped, 10f, MARGIN, y, Color.DARK_GRAY);
                }
                y -= 24;
                String issued = text("namechange.receipt.issuedOn", issuedBy, BusinessTime.day(time.today()));
                show(out, pdfFont, printable(font, issued), 11f, MARGIN + width - stringWidth(pdfFont, printable(font, issued), 11f), y,
                        Color.BLACK);
            }
            document.getDocumentInformation().setTitle(title + " " + c.number());
            document.getDocumentInformation().setCreator("Review Desk");
            document.getDocumentCatalog().setLanguage(LANGUAGE.toLanguageTag());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * 1024);
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> lines(NameChangeCase c, boolean renamed, int reviewWorkingDays) {
        List<String> lines = new ArrayList<>();
        lines.add(text("namechange.receipt.number", c.number()));
        lines.add(text("namechange.receipt.uscc", c.uscc()));
        lines.add(text("namechange.receipt.oldName", c.oldName()));
        lines.add(text("namechange.receipt.newName", c.newName()));
        lines.add(text("namechange.receipt.applicant", Masking.personName(c.applicantName()), Masking.mobile(c.applicantMobile())));
        lines.add(text("namechange.receipt.via", text("namechange.via." + c.startedVia())));
        lines.add(text("namechange.receipt.submittedAt", c.submittedAt() == null ? "—" : time.minute(c.submittedAt())));
        if (renamed) {
            lines.add(text("namechange.receipt.renamedAt", time.minute(c.renamedAt())));
            lines.add(text("namechange.receipt.renamed", c.oldName(), c.newName(), time.minute(c.renamedAt()), c.number()));
        } else {
            lines.add(text("namechange.receipt.state", text(c.state().messageKey())));
            lines.add(c.reviewDue() == null ? text("namechange.receipt.next", String.valueOf(reviewWorkingDays))
                    : text("namechange.receipt.nextDue", String.valueOf(reviewWorkingDays), time.day(c.reviewDue())));
        }
        return lines;
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments.length == 0 ? null : arguments, LANGUAGE);
    }

    // ---- the page --------------------------------------------------------------------------------

    private static float centred(PDPageContentStream out, PDType0Font pdf, Font font, String text, float size, float y, Color color)
            throws IOException {
        String line = printable(font, text);
        float x = MARGIN + (PDRectangle.A4.getWidth() - 2 * MARGIN - stringWidth(pdf, line, size)) / 2;
        return show(out, pdf, line, size, x, y, color);
    }

    private static float show(PDPageContentStream out, PDType0Font pdf, String text, float size, float x, float y, Color color)
            throws IOException {
        float baseline = y - size;
        if (!text.isEmpty()) {
            out.beginText();
            out.setNonStrokingColor(color);
            out.setFont(pdf, size);
            out.newLineAtOffset(x, baseline);
            out.showText(text);
            out.endText();
        }
        return baseline - size * 0.6f;
    }

    /** Lines no wider than {@code width}, broken between any two characters (names, codes and Chinese text). */
    static List<String> wrap(PDType0Font pdf, Font font, String text, float size, float width) throws IOException {
        String printable = printable(font, text);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float used = 0;
        for (int cp : printable.codePoints().toArray()) {
            String ch = new String(Character.toChars(cp));
            float w = stringWidth(pdf, ch, size);
            if (used + w > width && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
                used = 0;
            }
            line.append(ch);
            used += w;
        }
        lines.add(line.toString());
        return lines;
    }

    private static float stringWidth(PDType0Font pdf, String text, float size) throws IOException {
        return pdf.getStringWidth(text) / 1000f * size;
    }

    /** Control characters become spaces; characters the font lacks become a box, never an error. */
    private static String printable(Font font, String text) {
        StringBuilder out = new StringBuilder();
        (text == null ? "" : text.strip()).codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                out.append(' ');
            } else if (Character.getType(c) != Character.FORMAT) {
                out.appendCodePoint(font.cmap().getGlyphId(c) != 0 ? c : '?');
            }
        });
        return out.toString();
    }

    // ---- the font --------------------------------------------------------------------------------

    /** One render's handle on the font file, closed after the document is saved (the subset is built then). */
    record Font(AutoCloseable file, TrueTypeFont ttf, CmapLookup cmap) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                file.close();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }

    /** The configured font (used or refused, never silently replaced), else the first usable system one. */
    private Font openFont() {
        List<Path> candidates = configuredFont.isEmpty() ? SYSTEM_LOCATIONS : List.of(Path.of(configuredFont));
        for (Path file : candidates) {
            Font font = usable(file, configuredFont.isEmpty() ? "" : configuredFontName);
            if (font != null) {
                return font;
            }
        }
        throw new UserFacingException("receipt.fontMissing");
    }

    private static Font usable(Path file, String wantedName) {
        if (!Files.isReadable(file)) {
            return null;
        }
        try {
            if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
                TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
                Font font = checked(ttf, ttf, wantedName);
                if (font == null) {
                    ttf.close();
                }
                return font;
            }
            TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
            List<String> names = new ArrayList<>();
            collection.processAllFonts(f -> names.add(f.getName()));
            for (String name : names) {
                Font font = checked(collection, collection.getFontByName(name), wantedName);
                if (font != null) {
                    return font;
                }
            }
            collection.close();
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Font checked(AutoCloseable file, TrueTypeFont ttf, String wantedName) throws IOException {
        if (ttf == null || (!wantedName.isEmpty() && !wantedName.equals(ttf.getName()))
                || (ttf instanceof OpenTypeFont otf && otf.isPostScript())) {
            return null;
        }
        CmapLookup cmap = ttf.getUnicodeCmapLookup(false);
        if (cmap == null || PROBE.codePoints().anyMatch(c -> cmap.getGlyphId(c) == 0)) {
            return null;
        }
        return new Font(file, ttf, cmap);
    }
}
