package org.reviewdesk.representative;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import org.reviewdesk.applicants.SupplementItem;
import org.reviewdesk.documents.intake.DocumentUploadField;
import org.reviewdesk.documents.intake.DocumentUploadFields;
import org.reviewdesk.documents.receipt.ReceiptDownload;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.review.CaseTimeline;

/**
 * {@code /change/status}: the applicant opens a case with its number and access code and sees its
 * state, the timeline, what was asked for (with a field per requested document and the answer), the
 * decision's text, and once deregistered the link to register again (out of Sichuan).
 */
@Route(value = "change/status", autoLayout = false)
@AnonymousAllowed
public class ChangeStatusView extends ChangePage {

    private final RepresentativeChanges changes;
    private final DocumentUploadFields uploads;
    private final BusinessTime time;
    private final TextField number = new TextField();
    private final PasswordField code = new PasswordField();
    private final Div error = new Div();
    private final Div shown = new Div();

    public ChangeStatusView(RepresentativeChanges changes, DocumentUploadFields uploads, BusinessTime time) {
        this.changes = changes;
        this.uploads = uploads;
        this.time = time;
        setId("change-status-view");
        number.setLabel(getTranslation("representative.status.number"));
        number.setId("number");
        code.setLabel(getTranslation("representative.status.code"));
        code.setId("code");
        Button open = new Button(getTranslation("representative.status.open"), e -> open());
        open.setId("open");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        error.setId("status-error");
        error.addClassName("applicant-error");
        shown.setId("status");
        main.add(new H1(getTranslation("representative.status.title")), new Div(number, code, open), error, shown);
    }

    private void open() {
        error.setText("");
        try {
            show(changes.open(number.getValue(), code.getValue(), clientAddress()));
        } catch (UserFacingException e) {
            shown.removeAll();
            error.setText(getTranslation(e.messageKey(), e.arguments()));
        }
    }

    private void show(ChangeAccess access) {
        ChangeStatus s = changes.status(access);
        shown.removeAll();
        Div summary = new Div(row("representative.status.number", s.number()),
                row("representative.workbench.field.state", getTranslation(s.state().messageKey())),
                row("representative.workbench.field.name", s.accountName()),
                row("representative.workbench.field.uscc", s.uscc()),
                row("representative.workbench.field.reason", getTranslation(s.reason().messageKey())));
        summary.setId("status-summary");
        summary.addClassName("applicant-summary");
        shown.add(summary);
        if (!s.receipts().isEmpty()) {
            Div links = new Div();
            links.setId("status-receipts");
            links.addClassName("applicant-receipts");
            for (ChangeReceipt kind : s.receipts()) {
                links.add(ReceiptDownload.link("receipt-" + kind.name().toLowerCase(java.util.Locale.ROOT), getTranslation(kind.labelKey()),
                        kind.fileName(s.number()), () -> changes.receipt(access, kind)));
            }
            shown.add(links);
        }
        if (s.decisionText() != null) {
            Paragraph reasons = new Paragraph(getTranslation("representative.status.reasons", s.decisionText()));
            reasons.setId("status-reasons");
            shown.add(reasons);
        }
        if (s.state() == ChangeState.DEREGISTERED) {
            Paragraph done = new Paragraph(getTranslation(s.reRegistrationLink() == null
                    ? "representative.status.deregistered.sichuan" : "representative.status.deregistered.invite"));
            done.setId("status-deregistered");
            shown.add(done);
            if (s.reRegistrationLink() != null) {
                Anchor again = new Anchor(s.reRegistrationLink(), getTranslation("representative.status.registerAgain"));
                again.setId("register-again");
                shown.add(again);
            }
        }
        if (s.state() == ChangeState.AWAITING_SUPPLEMENT) {
            shown.add(supplement(access, s));
        }
        CaseTimeline timeline = new CaseTimeline("status-timeline",
                s.timeline().stream().map(e -> new CaseTimeline.Entry(e.at(), "representative.event." + e.kind(), null, e.detail(),
                        List.of())).toList(), time, RepresentativeWorkbench::slotKey);
        timeline.setId("status-timeline");
        shown.add(new H2(getTranslation("representative.workbench.timeline")), timeline);
    }

    private Div supplement(ChangeAccess access, ChangeStatus s) {
        Div box = new Div(new H2(getTranslation("representative.status.supplement")),
                new Paragraph(getTranslation("applicant.status.supplement.intro")), new Paragraph(reasonWithNames(s)));
        box.setId("status-supplement");
        // the request's time is its timeline line: a version uploaded after it answers it
        OffsetDateTime requestedAt = s.timeline().stream().filter(e -> e.kind().equals("SUPPLEMENT_REQUESTED"))
                .map(ChangeStatus.Entry::at).max(Comparator.naturalOrder()).orElse(OffsetDateTime.MIN);
        for (String slot : s.requestedSlots()) {
            DocumentUploadField field = uploads.create(s.number(), slot, getTranslation(RepresentativeWorkbench.slotKey(slot)),
                    RepresentativeChanges.APPLICANT + s.number(), changes.documentAccess(access));
            field.setUploadTarget((fileName, declaredType, in) -> changes.upload(access, slot, fileName, declaredType, in));
            field.setId("supplement-" + slot);
            SupplementItem item = new SupplementItem(slot, getTranslation(RepresentativeWorkbench.slotKey(slot)), null, field);
            Runnable describe = () -> field.getDocument().ifPresentOrElse(
                    newest -> item.describe(newest.version(), newest.displayName(), newest.createdAt().isAfter(requestedAt)),
                    () -> item.describe(null, null, false));
            describe.run();
            field.addDocumentUploadedListener(e -> describe.run());
            box.add(item);
        }
        Div answerError = new Div();
        answerError.addClassName("applicant-error");
        Button answer = new Button(getTranslation("representative.status.answer"), e -> {
            try {
                changes.answerSupplement(access);
                show(access);
            } catch (UserFacingException refused) {
                answerError.setText(getTranslation(refused.messageKey(), refused.arguments()));
            }
        });
        answer.setId("answer-supplement");
        box.add(answerError, answer);
        return box;
    }

    /** The reviewer's text names the documents by their slots ("change-notice: …"): the applicant reads their names. */
    private String reasonWithNames(ChangeStatus s) {
        String text = s.requestReason() == null ? "" : s.requestReason();
        for (String slot : s.requestedSlots()) {
            text = text.replace(slot + ": ", getTranslation(RepresentativeWorkbench.slotKey(slot)) + getTranslation("representative.status.reasonSeparator"));
        }
        return text;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("representative.status.title") + " · " + getTranslation("applicant.header.portal");
    }
}
