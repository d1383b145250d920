package org.reviewdesk.registration.receipt;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.reviewdesk.documents.receipt.ReceiptDocument;
import org.reviewdesk.documents.receipt.ReceiptPages;
import org.reviewdesk.documents.receipt.ReceiptWriter;
import org.springframework.stereotype.Component;

/**
 * The acceptance receipt (受理回执) of a registration, downloaded from the status page: the
 * application, the documents submitted, the review's limit and where to follow it, in the frame every
 * process's receipt shares ({@link ReceiptWriter}).
 */
@Component
public class AcceptanceReceipt {

    /** The receipt's language: the issuing body's, not the reader's. */
    static final Locale LANGUAGE = ReceiptWriter.LANGUAGE;

    private final ReceiptWriter writer;

    AcceptanceReceipt(ReceiptWriter writer) {
        this.writer = writer;
    }

    /**
     * The PDF bytes (a few tens of kB). Throws {@code UserFacingException("receipt.fontMissing")}
     * when no Chinese font is available.
     */
    public byte[] render(ReceiptContent content) {
        String number = content.applicationNumber();
        return writer.render(new ReceiptWriter.Frame(writer.text("receipt.title"),
                        writer.text("receipt.applicationNumber", writer.orDash(number)), number,
                        List.of(writer.text("receipt.footer"))),
                pages -> {
                    writer.facts(pages, writer.text("receipt.section.application"), List.of(
                            field("receipt.field.enterpriseName", content.enterpriseName()),
                            field("receipt.field.uscc", content.uscc()),
                            field("receipt.field.legalPersonType", content.legalPersonTypeLabel()),
                            field("receipt.field.legalRepresentative", content.legalRepresentativeMasked()),
                            field("receipt.field.contactMobile", content.contactMobileMasked()),
                            field("receipt.field.submittedAt", content.submittedAt() == null ? null
                                    : writer.dateTime(content.submittedAt()))));
                    writer.documents(pages, writer.text("receipt.section.documents", String.valueOf(content.documents().size())),
                            content.documents());
                    writeNextSteps(pages, content);
                });
    }

    private void writeNextSteps(ReceiptPages pages, ReceiptContent content) throws IOException {
        String due = content.reviewDueDate() == null ? writer.text("receipt.emptyValue") : writer.date(content.reviewDueDate());
        writer.section(pages, writer.text("receipt.section.next"),
                writer.text("receipt.next", String.valueOf(content.reviewWorkingDays()), due));
        pages.heading(writer.text("receipt.section.status"), ReceiptPages.BODY_LEADING * 2);
        pages.paragraph(writer.orDash(content.statusPageHint()), ReceiptPages.BODY, ReceiptPages.BODY_LEADING, 0);
    }

    private String[] field(String labelKey, String value) {
        return new String[] {writer.text(labelKey), value};
    }
}
