package org.reviewdesk.namechange;

import java.util.List;
import org.reviewdesk.documents.receipt.ReceiptWriter;
import org.reviewdesk.rules.Masking;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Process 3's receipt, in the frame every receipt shares ({@link ReceiptWriter}: the Chinese font, A4,
 * the issuer, title, number, seal line and page numbers): the acceptance receipt (受理回执) of a
 * submitted case, and once the account is renamed the confirmation (变更确认书): old name, new name,
 * when, the case number. It leaves the system on paper or as a file, so the applicant's name and
 * mobile are masked.
 */
@Component
class NameChangeReceipt {

    private final ReceiptWriter writer;
    private final MessageSource messages;

    NameChangeReceipt(ReceiptWriter writer, MessageSource messages) {
        this.writer = writer;
        this.messages = messages;
    }

    /** The PDF's file name: in Chinese, as the document is. */
    static String fileName(String number, boolean renamed) {
        return (renamed ? "名称变更确认书-" : "受理回执-") + number + ".pdf";
    }

    /** The PDF of a submitted case: the confirmation once RENAMED, else the acceptance receipt. */
    byte[] render(NameChangeCase c, int reviewWorkingDays) {
        boolean renamed = c.state() == NameChangeState.RENAMED;
        String title = text(renamed ? "namechange.receipt.confirmationTitle" : "namechange.receipt.title");
        return writer.render(new ReceiptWriter.Frame(title, writer.text("receipt.applicationNumber", c.number()), c.number(),
                        List.of(text(renamed ? "namechange.receipt.confirmationFooter" : "namechange.receipt.footer"))),
                pages -> {
                    writer.facts(pages, text("namechange.receipt.section.case"), List.of(
                            row("receipt.field.applicationNumber", c.number()),
                            row("receipt.field.uscc", c.uscc()),
                            row("namechange.receipt.field.oldName", c.oldName()),
                            row("namechange.receipt.field.newName", c.newName()),
                            row("namechange.receipt.field.applicant",
                                    Masking.personName(c.applicantName()) + " " + Masking.mobile(c.applicantMobile())),
                            row("namechange.receipt.field.via", text("namechange.via." + c.startedVia())),
                            row("receipt.field.submittedAt", writer.dateTime(c.submittedAt())),
                            renamed ? row("namechange.receipt.field.renamedAt", writer.dateTime(c.renamedAt()))
                                    : row("namechange.receipt.field.state", text(c.state().messageKey()))));
                    if (renamed) {
                        writer.section(pages, text("namechange.receipt.section.result"), text("namechange.receipt.renamed",
                                c.oldName(), c.newName(), writer.dateTime(c.renamedAt()), c.number()));
                    } else {
                        writer.section(pages, text("namechange.receipt.section.next"), c.reviewDue() == null
                                ? text("namechange.receipt.next", String.valueOf(reviewWorkingDays))
                                : text("namechange.receipt.nextDue", String.valueOf(reviewWorkingDays), writer.dateTime(c.reviewDue())));
                    }
                    writer.section(pages, text("namechange.receipt.section.status"), text("namechange.receipt.statusHint"));
                });
    }

    private String[] row(String labelKey, String value) {
        return new String[] {text(labelKey), value};
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments.length == 0 ? null : arguments, ReceiptWriter.LANGUAGE);
    }
}
