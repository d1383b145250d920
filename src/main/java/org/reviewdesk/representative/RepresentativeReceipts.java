package org.reviewdesk.representative;

import java.util.ArrayList;
import java.util.List;
import org.reviewdesk.documents.intake.DocumentInfo;
import org.reviewdesk.documents.intake.DocumentService;
import org.reviewdesk.documents.receipt.ReceiptDocument;
import org.reviewdesk.documents.receipt.ReceiptWriter;
import org.reviewdesk.rules.Masking;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Process 2's receipts, in the frame every receipt shares ({@link ReceiptWriter}). Both leave the
 * system on paper or as a file, so they carry no full ID number, and the deregistration receipt names
 * no member of staff: who approved is the back office's record (the account and the audit), not the
 * applicant's.
 */
@Component
class RepresentativeReceipts {

    private final ReceiptWriter writer;
    private final MessageSource messages;
    private final DocumentService documents;
    private final RepresentativeDocuments requiredDocuments;
    private final RepresentativeProperties properties;
    private final RepresentativeNotices notices;

    RepresentativeReceipts(ReceiptWriter writer, MessageSource messages, DocumentService documents,
                           RepresentativeDocuments requiredDocuments, RepresentativeProperties properties,
                           RepresentativeNotices notices) {
        this.writer = writer;
        this.messages = messages;
        this.documents = documents;
        this.requiredDocuments = requiredDocuments;
        this.properties = properties;
        this.notices = notices;
    }

    /** The receipts the case has now. */
    static List<ChangeReceipt> available(ChangeCase c) {
        List<ChangeReceipt> receipts = new ArrayList<>();
        if (c.submittedAt() != null) {
            receipts.add(ChangeReceipt.ACCEPTANCE);
        }
        if (c.state() == ChangeState.DEREGISTERED) {
            receipts.add(ChangeReceipt.DEREGISTRATION);
        }
        return receipts;
    }

    /** The PDF, read in the caller's transaction. */
    byte[] render(ChangeCase c, ChangeReceipt kind) {
        return kind == ChangeReceipt.ACCEPTANCE ? acceptance(c) : deregistration(c);
    }

    private byte[] acceptance(ChangeCase c) {
        List<ReceiptDocument> received = new ArrayList<>();
        for (String slot : requiredDocuments.slotsFor(c.reason(), c.agentApplies())) {
            for (DocumentInfo d : documents.versions(c.number(), slot)) {
                received.add(new ReceiptDocument(text(RepresentativeWorkbench.slotKey(slot)), d.displayName(), d.version(),
                        d.pageCount()));
            }
        }
        return writer.render(new ReceiptWriter.Frame(writer.text("receipt.title"), writer.text("receipt.applicationNumber", c.number()),
                        c.number(), List.of(text("representative.receipt.footer"))),
                pages -> {
                    writer.facts(pages, text("representative.receipt.section.case"), List.of(
                            row("representative.receipt.field.matter", text("representative.receipt.matter")),
                            row("representative.receipt.field.name", c.accountName()),
                            row("receipt.field.uscc", c.uscc()),
                            row("representative.receipt.field.reason", reason(c)),
                            row("representative.receipt.field.newRepresentative", Masking.personName(c.representativeName())),
                            row("receipt.field.contactMobile", Masking.mobile(c.contactMobile())),
                            row("receipt.field.submittedAt", writer.dateTime(c.submittedAt()))));
                    writer.documents(pages, text("representative.receipt.section.documents", String.valueOf(received.size())), received);
                    writer.section(pages, text("representative.receipt.section.next"),
                            text("representative.receipt.next", String.valueOf(properties.reviewWorkingDays())));
                    writer.section(pages, text("representative.receipt.section.status"),
                            text("representative.receipt.statusHint", c.number(), properties.statusUrl()));
                });
    }

    private byte[] deregistration(ChangeCase c) {
        return writer.render(new ReceiptWriter.Frame(text("representative.receipt.deregistration.title"),
                        writer.text("receipt.applicationNumber", c.number()), c.number(),
                        List.of(text("representative.receipt.deregistration.footer"))),
                pages -> {
                    writer.facts(pages, text("representative.receipt.deregistration.section"), List.of(
                            row("receipt.field.applicationNumber", c.number()),
                            row("representative.receipt.field.name", c.accountName()),
                            row("receipt.field.uscc", c.uscc()),
                            row("representative.receipt.field.reason", reason(c)),
                            row("representative.receipt.field.deregisteredAt", writer.dateTime(c.deregisteredAt())),
                            row("representative.receipt.field.status", text("representative.receipt.deregistered"))));
                    writer.section(pages, text("representative.receipt.deregistration.next"), c.sichuan()
                            ? text("representative.receipt.deregistration.sichuan")
                            : text("representative.receipt.deregistration.invite", notices.reRegistrationLink(c)));
                });
    }

    private String reason(ChangeCase c) {
        return text(c.reason().messageKey()) + (c.reasonText() == null ? "" : "：" + c.reasonText());
    }

    private String[] row(String labelKey, String value) {
        return new String[] {text(labelKey), value};
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments.length == 0 ? null : arguments, ReceiptWriter.LANGUAGE);
    }
}
