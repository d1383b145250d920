package org.reviewdesk.namechange;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.ByteArrayInputStream;
import org.reviewdesk.documents.intake.DocumentContent;
import org.reviewdesk.documents.intake.DocumentDownloads;
import org.reviewdesk.documents.intake.DocumentUploadFields;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.UserFacingException;

/**
 * {@code /rename/status}: the number and the access code open the case: its state, the names, the
 * timeline, the reasons of a rejection or a stop, the receipt (once renamed, the confirmation) as a
 * PDF, and, when the reviewer asks for it, the upload of the licence again.
 */
@Route(value = "rename/status", autoLayout = false)
@AnonymousAllowed
public class RenameStatusView extends RenamePage {

    private final NameChanges changes;
    private final BusinessTime time;
    private final long maxBytes;
    private final TextField number = new TextField();
    private final PasswordField code = new PasswordField();
    private final Div error = new Div();
    private final Div shown = new Div();

    public RenameStatusView(NameChanges changes, BusinessTime time, DocumentUploadFields uploads) {
        this.changes = changes;
        this.time = time;
        this.maxBytes = uploads.maxBytes();
        setId("rename-status-view");
        number.setLabel(getTranslation("namechange.status.number"));
        number.setId("number");
        code.setLabel(getTranslation("namechange.status.accessCode"));
        code.setId("accessCode");
        Button open = new Button(getTranslation("namechange.status.open"), e -> open());
        open.setId("open");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        error.setId("status-error");
        error.addClassName("applicant-error");
        shown.setId("status");
        Div form = new Div(number, code, error, open);
        form.addClassName("applicant-form");
        main.add(new H1(getTranslation("namechange.status.title")), form, shown);
    }

    private void open() {
        error.setText("");
        shown.removeAll();
        try {
            show(changes.open(number.getValue(), code.getValue(), clientAddress()));
        } catch (UserFacingException e) {
            error.setText(getTranslation(e.messageKey(), e.arguments()));
        }
    }

    private void show(NameChangeAccess access) {
        shown.removeAll();
        NameChangeStatus status = changes.status(access);
        Div facts = new Div(row("namechange.status.number", status.number()),
                row("namechange.status.state", getTranslation(status.state().messageKey())),
                row("namechange.workbench.field.uscc", status.uscc()),
                row("namechange.status.names", status.oldName() + " → " + status.newName()));
        if (status.submittedAt() != null) {
            facts.add(row("namechange.status.submittedAt", time.minute(status.submittedAt())));
        }
        if (status.reviewDue() != null) {
            facts.add(row("namechange.status.reviewDue", time.minute(status.reviewDue())));
        }
        facts.addClassName("applicant-summary");
        facts.setId("status-facts");
        shown.add(facts);
        if (status.receiptAvailable()) {
            shown.add(receiptLink(access, status.state() == NameChangeState.RENAMED));
        }
        if (status.decisionText() != null) {
            shown.add(reasons(status.decisionText()));
        }
        if (status.stopReason() != null) {
            shown.add(reasons(getTranslation(status.stopReason().key(), status.stopReason().argumentArray())));
        }
        if (status.state() == NameChangeState.AWAITING_LICENCE) {
            shown.add(supply(access, status));
        }
        UnorderedList timeline = new UnorderedList();
        timeline.setId("status-timeline");
        status.timeline().forEach(e -> timeline.add(new ListItem(time.minute(e.at()) + " " + getTranslation("namechange.event." + e.kind()))));
        shown.add(new H2(getTranslation("namechange.status.timeline")), timeline);
    }

    /** The acceptance receipt, or once renamed the confirmation: a PDF in Chinese, so is its file name. */
    private Anchor receiptLink(NameChangeAccess access, boolean renamed) {
        String fileName = NameChangeReceipt.fileName(access.number(), renamed);
        DownloadHandler handler = DocumentDownloads.handler(() -> {
            byte[] pdf = changes.receiptPdf(access);
            return new DocumentContent(new ByteArrayInputStream(pdf), "application/pdf", fileName, pdf.length);
        }, true);
        Anchor link = new Anchor(handler, AttachmentType.DOWNLOAD,
                getTranslation(renamed ? "namechange.receipt.downloadConfirmation" : "namechange.receipt.download"));
        link.addClassName("applicant-receipt-link");
        link.setId("receipt-download");
        return link;
    }

    private Div reasons(String text) {
        Div reasons = new Div(new H2(getTranslation("namechange.status.reasons")), new Paragraph(text));
        reasons.setId("status-reasons");
        return reasons;
    }

    private Div supply(NameChangeAccess access, NameChangeStatus status) {
        LicenceUpload upload = new LicenceUpload(maxBytes);
        upload.setId("licence");
        Div supplyError = new Div();
        supplyError.setId("supply-error");
        supplyError.addClassName("applicant-error");
        Button send = new Button(getTranslation("namechange.status.supply"));
        send.setId("supply");
        send.addClickListener(e -> upload.licence().ifPresentOrElse(file -> {
            try {
                changes.supplyLicence(access, file);
                show(access);
                Paragraph done = new Paragraph(getTranslation("namechange.status.supplied"));
                done.setId("supplied");
                shown.addComponentAsFirst(done);
            } catch (UserFacingException refused) {
                upload.clear();
                supplyError.setText(getTranslation(refused.messageKey(), refused.arguments()));
            }
        }, () -> supplyError.setText(getTranslation("namechange.start.licenceRequired"))));
        Div box = new Div(new Paragraph(getTranslation("namechange.status.requested", status.requestReason())), upload, supplyError, send);
        box.setId("licence-request");
        return box;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("namechange.status.title") + " · " + getTranslation("applicant.header.portal");
    }
}
