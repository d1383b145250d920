package org.reviewdesk.documents.receipt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.documents.receipt.ReceiptPages.Column;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a receipt an applicant takes away: an A4 PDF in Simplified Chinese whatever the screen's
 * language (it is an official document), the font embedded as a subset so it reads the same on any
 * device. The frame is the same for every process (the issuer, the title in red over a double rule,
 * the case number, the issuer and date where a seal would go, a footer and page numbers); the
 * process writes what lies between with {@link ReceiptPages} and the helpers here.
 */
@Component
public class ReceiptWriter {

    /** The receipt's language: the issuing body's, not the reader's. */
    public static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;
    private static final float LABEL_COLUMN = 118f;

    private final MessageSource messages;
    private final ReceiptFont font;
    private final ReceiptProperties properties;
    private final BusinessTime time;

    public ReceiptWriter(MessageSource messages, ReceiptFont font, ReceiptProperties properties, BusinessTime time) {
        this.messages = messages;
        this.font = font;
        this.properties = properties;
        this.time = time;
    }

    /**
     * What frames the content.
     *
     * @param title the document's title, e.g. 受理回执
     * @param numberLine the line under the title, e.g. 受理编号：DR…
     * @param number the case number, repeated with each page number
     * @param footer lines printed above the page number on every page (what the receipt does not mean)
     */
    public record Frame(String title, String numberLine, String number, List<String> footer) {
        public Frame {
            footer = List.copyOf(footer);
        }
    }

    /** The process's part of the receipt. */
    @FunctionalInterface
    public interface Body {
        void write(ReceiptPages pages) throws IOException;
    }

    /**
     * The PDF bytes (a few tens of kB).
     *
     * @throws org.reviewdesk.platform.UserFacingException {@code receipt.fontMissing} when no Chinese font is available
     */
    public byte[] render(Frame frame, Body body) {
        try (ReceiptFont.Opened opened = font.open(); PDDocument document = new PDDocument()) {
            PDType0Font pdfFont = opened.embedIn(document);
            ReceiptPages pages = new ReceiptPages(document, pdfFont, opened::canShow);
            String issuer = issuer();
            pages.centred(issuer, 13f, false, ReceiptPages.INK);
            pages.gap(4f);
            pages.centred(frame.title(), 24f, true, ReceiptPages.OFFICIAL_RED);
            pages.gap(6f);
            pages.doubleRule(ReceiptPages.OFFICIAL_RED);
            pages.gap(12f);
            pages.centred(frame.numberLine(), 15f, true, ReceiptPages.INK);
            pages.gap(8f);
            body.write(pages);
            // where a seal would go on paper: the issuer and the date, right-aligned, kept together
            pages.gap(28f);
            pages.keepSpace(ReceiptPages.BODY_LEADING * 3.2f);
            pages.rightAligned(text("receipt.issuedBy", issuer), ReceiptPages.BODY);
            pages.rightAligned(text("receipt.issuedOn", date(time.today())), ReceiptPages.BODY);
            pages.finish(frame.footer(), (page, count) -> text("receipt.page", String.valueOf(page), String.valueOf(count),
                    orDash(frame.number())));
            describe(document, issuer, frame);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            // an in-memory document that cannot be written is a fault, not something the applicant can fix
            throw new UncheckedIOException(e);
        }
    }

    /** The issuing body: configured, or the receipt bundle's. */
    public String issuer() {
        return properties.issuer().isEmpty() ? text("receipt.issuer") : properties.issuer();
    }

    /** A section of label-value rows, the labels shaded. */
    public void facts(ReceiptPages pages, String heading, List<String[]> rows) throws IOException {
        pages.heading(heading, 40f);
        Column[] columns = {new Column(LABEL_COLUMN, false), new Column(ReceiptPages.contentWidth() - LABEL_COLUMN, false)};
        List<String[]> shown = rows.stream().map(r -> new String[] {r[0], orDash(r.length > 1 ? r[1] : null)}).toList();
        pages.table(columns, null, shown, true);
        pages.gap(12f);
    }

    /** A section listing the documents received: number, slot, file, version, pages. */
    public void documents(ReceiptPages pages, String heading, List<ReceiptDocument> documents) throws IOException {
        pages.heading(heading, 60f);
        if (documents.isEmpty()) {
            pages.paragraph(text("receipt.documents.none"), ReceiptPages.BODY, ReceiptPages.BODY_LEADING, 0);
            pages.gap(12f);
            return;
        }
        float number = 36f;
        float slot = 150f;
        float small = 42f;
        Column[] columns = {new Column(number, true), new Column(slot, false),
                new Column(ReceiptPages.contentWidth() - number - slot - 2 * small, false),
                new Column(small, true), new Column(small, true)};
        String[] header = {text("receipt.documents.number"), text("receipt.documents.slot"),
                text("receipt.documents.file"), text("receipt.documents.version"), text("receipt.documents.pages")};
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            ReceiptDocument document = documents.get(i);
            rows.add(new String[] {String.valueOf(i + 1), orDash(document.slotLabel()), orDash(document.fileName()),
                    positiveOrDash(document.version()), positiveOrDash(document.pages())});
        }
        pages.table(columns, header, rows, false);
        pages.gap(12f);
    }

    /** A heading and a paragraph under it. */
    public void section(ReceiptPages pages, String heading, String paragraph) throws IOException {
        pages.heading(heading, ReceiptPages.BODY_LEADING * 2);
        pages.paragraph(orDash(paragraph), ReceiptPages.BODY, ReceiptPages.BODY_LEADING, 0);
        pages.gap(12f);
    }

    /** A day as the receipt writes it (2026年12月4日). */
    public String date(LocalDate day) {
        return day == null ? text("receipt.emptyValue") : format("receipt.dateFormat", day);
    }

    /** A moment in Beijing time as the receipt writes it (2026年12月4日 09:30（北京时间）). */
    public String dateTime(OffsetDateTime at) {
        return at == null ? text("receipt.emptyValue") : format("receipt.dateTimeFormat", time.inZone(at));
    }

    /** The value, or the receipt's dash for nothing. */
    public String orDash(String value) {
        return value == null || value.isBlank() ? text("receipt.emptyValue") : value;
    }

    /** A text of the receipt's language. */
    public String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments.length == 0 ? null : arguments, LANGUAGE);
    }

    private String positiveOrDash(int value) {
        return value > 0 ? String.valueOf(value) : text("receipt.emptyValue");
    }

    private String format(String patternKey, TemporalAccessor value) {
        return DateTimeFormatter.ofPattern(text(patternKey), LANGUAGE).format(value);
    }

    private void describe(PDDocument document, String issuer, Frame frame) {
        PDDocumentInformation information = document.getDocumentInformation();
        information.setTitle(frame.title() + " " + orDash(frame.number()));
        information.setAuthor(issuer);
        information.setCreator("Review Desk");
        information.setCreationDate(GregorianCalendar.from(time.now().toZonedDateTime()));
        document.getDocumentCatalog().setLanguage(LANGUAGE.toLanguageTag());
        PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true);
        document.getDocumentCatalog().setViewerPreferences(preferences);
    }
}
