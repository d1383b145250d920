package org.reviewdesk.registration.receipt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.reviewdesk.registration.receipt.ReceiptPages.Column;
import org.reviewdesk.platform.BusinessTime;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The acceptance receipt (受理回执) an applicant downloads from the status page: an A4 PDF in
 * Simplified Chinese whatever the screen's language, since it is an official document, with the
 * font embedded as a subset so it reads the same on any device.
 */
@Component
public class AcceptanceReceipt {

    /** The receipt's language: the issuing body's, not the reader's. */
    static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;
    /** Dates and times are stated in Beijing time, whatever zone the server runs in. */

    private static final float LABEL_COLUMN = 118f;

    private final MessageSource messages;
    private final ReceiptFont font;
    private final ReceiptProperties properties;
    private final BusinessTime time;

    AcceptanceReceipt(MessageSource messages, ReceiptFont font, ReceiptProperties properties, BusinessTime time) {
        this.messages = messages;
        this.font = font;
        this.properties = properties;
        this.time = time;
    }

    /**
     * The PDF bytes (a few tens of kB). Throws {@code UserFacingException("receipt.fontMissing")}
     * when no Chinese font is available.
     */
    public byte[] render(ReceiptContent content) {
        try (ReceiptFont.Opened opened = font.open(); PDDocument document = new PDDocument()) {
            PDType0Font pdfFont = opened.embedIn(document);
            ReceiptPages pages = new ReceiptPages(document, pdfFont, opened::canShow);
            String issuer = properties.issuer().isEmpty() ? text("receipt.issuer") : properties.issuer();

            writeHeading(pages, issuer, content);
            writeApplication(pages, content);
            writeDocuments(pages, content.documents());
            writeNextSteps(pages, content);
            writeIssue(pages, issuer);
            pages.finish(List.of(text("receipt.footer")),
                    (page, count) -> text("receipt.page", String.valueOf(page), String.valueOf(count),
                            orDash(content.applicationNumber())));

            describe(document, issuer, content);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            // an in-memory document that cannot be written is a fault, not something the applicant can fix
            throw new UncheckedIOException(e);
        }
    }

    private void writeHeading(ReceiptPages pages, String issuer, ReceiptContent content) throws IOException {
        pages.centred(issuer, 13f, false, ReceiptPages.INK);
        pages.gap(4f);
        pages.centred(text("receipt.title"), 24f, true, ReceiptPages.OFFICIAL_RED);
        pages.gap(6f);
        pages.doubleRule(ReceiptPages.OFFICIAL_RED);
        pages.gap(12f);
        pages.centred(text("receipt.applicationNumber", orDash(content.applicationNumber())), 15f, true,
                ReceiptPages.INK);
        pages.gap(8f);
    }

    private void writeApplication(ReceiptPages pages, ReceiptContent content) throws IOException {
        pages.heading(text("receipt.section.application"), 40f);
        Column[] columns = {new Column(LABEL_COLUMN, false),
                new Column(ReceiptPages.contentWidth() - LABEL_COLUMN, false)};
        List<String[]> rows = List.of(
                field("receipt.field.enterpriseName", content.enterpriseName()),
                field("receipt.field.uscc", content.uscc()),
                field("receipt.field.legalPersonType", content.legalPersonTypeLabel()),
                field("receipt.field.legalRepresentative", content.legalRepresentativeMasked()),
                field("receipt.field.contactMobile", content.contactMobileMasked()),
                field("receipt.field.submittedAt", content.submittedAt() == null ? null
                        : format("receipt.dateTimeFormat", time.inZone(content.submittedAt()))));
        pages.table(columns, null, rows, true);
        pages.gap(12f);
    }

    private void writeDocuments(ReceiptPages pages, List<ReceiptDocument> documents) throws IOException {
        pages.heading(text("receipt.section.documents", String.valueOf(documents.size())), 60f);
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

    private void writeNextSteps(ReceiptPages pages, ReceiptContent content) throws IOException {
        String due = content.reviewDueDate() == null ? text("receipt.emptyValue")
                : format("receipt.dateFormat", content.reviewDueDate());
        pages.heading(text("receipt.section.next"), ReceiptPages.BODY_LEADING * 2);
        pages.paragraph(text("receipt.next", String.valueOf(content.reviewWorkingDays()), due),
                ReceiptPages.BODY, ReceiptPages.BODY_LEADING, 0);
        pages.gap(12f);
        pages.heading(text("receipt.section.status"), ReceiptPages.BODY_LEADING * 2);
        pages.paragraph(orDash(content.statusPageHint()), ReceiptPages.BODY, ReceiptPages.BODY_LEADING, 0);
    }

    /** Where a seal would go on paper: the issuer and the date, right-aligned, kept together. */
    private void writeIssue(ReceiptPages pages, String issuer) throws IOException {
        pages.gap(28f);
        pages.keepSpace(ReceiptPages.BODY_LEADING * 3.2f);
        pages.rightAligned(text("receipt.issuedBy", issuer), ReceiptPages.BODY);
        pages.rightAligned(text("receipt.issuedOn", format("receipt.dateFormat", time.today())),
                ReceiptPages.BODY);
    }

    private void describe(PDDocument document, String issuer, ReceiptContent content) {
        PDDocumentInformation information = document.getDocumentInformation();
        information.setTitle(text("receipt.title") + " " + orDash(content.applicationNumber()));
        information.setAuthor(issuer);
        information.setCreator("Review Desk");
        information.setCreationDate(GregorianCalendar.from(time.now().toZonedDateTime()));
        document.getDocumentCatalog().setLanguage(LANGUAGE.toLanguageTag());
        PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true);
        document.getDocumentCatalog().setViewerPreferences(preferences);
    }

    private String[] field(String labelKey, String value) {
        return new String[] {text(labelKey), orDash(value)};
    }

    private String orDash(String value) {
        return value == null || value.isBlank() ? text("receipt.emptyValue") : value;
    }

    private String positiveOrDash(int value) {
        return value > 0 ? String.valueOf(value) : text("receipt.emptyValue");
    }

    private String format(String patternKey, TemporalAccessor value) {
        return DateTimeFormatter.ofPattern(text(patternKey), LANGUAGE).format(value);
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments.length == 0 ? null : arguments, LANGUAGE);
    }
}
