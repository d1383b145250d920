package org.reviewdesk.window;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import org.reviewdesk.documents.intake.DocumentUploadField;
import org.reviewdesk.documents.intake.DocumentUploadFields;
import org.reviewdesk.documents.receipt.ReceiptDownload;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Facts;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.review.StepNames;

/**
 * {@code /window/case/{number}}: the clerk's page for a case started at the window, whatever its
 * process ({@link WindowCases}): the number and, right after the start only, the access code on a slip
 * to print and hand over; the identity check; a scan into each document slot; submit; the receipts.
 */
@Route(WindowCaseView.ROUTE + "/:" + WindowCaseView.NUMBER)
@RolesAllowed(Role.WINDOW_CLERK_NAME)
public class WindowCaseView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "window/case";
    static final String NUMBER = "number";

    private final WindowCaseDesk desk;
    private final DocumentUploadFields uploads;
    private final IdentityCheck identity;
    private final StepNames names;
    private final Div slip = new Div();
    private final Div head = new Div();
    private final Div documents = new Div();
    private final Div error = new Div();
    private String number;

    public WindowCaseView(WindowCaseDesk desk, DocumentUploadFields uploads, InPersonVerifications verifications, BusinessTime time,
                          StepNames names) {
        this.desk = desk;
        this.uploads = uploads;
        this.names = names;
        this.identity = new IdentityCheck(verifications, time);
        addClassName("window-case");
        slip.setId("window-handover");
        head.setId("window-case-head");
        documents.setId("window-case-documents");
        error.setId("window-case-error");
        error.addClassName("window-identity--refused");
        Div columns = new Div(new Div(head, documents), new Div(slip, identity));
        columns.addClassName("window-columns");
        add(error, columns);
    }

    /** The route of a case's page. */
    public static String route(String caseRef) {
        return ROUTE + "/" + caseRef;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        number = event.getRouteParameters().get(NUMBER).orElse("");
        Optional<String> code = AccessCodeHandover.take(number);
        try {
            show(desk.load(number));
        } catch (UserFacingException e) {
            error.setText(getTranslation(e.messageKey(), e.arguments()));
            return;
        }
        code.ifPresent(this::handOver);
    }

    private void show(WindowCase c) {
        error.setText("");
        head.removeAll();
        Div facts = new Div(Facts.row(getTranslation("window.case.number"), c.caseRef()),
                Facts.row(getTranslation("window.case.process"), names.process(c.processKey(), getLocale())),
                Facts.row(getTranslation("window.case.state"), getTranslation(c.stateLabelKey())),
                Facts.row(getTranslation("window.account.name"), c.organisationName()),
                Facts.row(getTranslation("window.account.uscc"), c.uscc()));
        facts.addClassName("workbench-facts");
        Button back = new Button(getTranslation("window.case.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(WindowView.ROUTE, QueryParameters.of("q", c.uscc()))));
        back.setId("window-case-back");
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        head.add(new H1(getTranslation("window.case.title", c.caseRef())), IdentityCheck.card(getTranslation("window.case.facts"), facts, back));
        showDocuments(c);
        identity.show(List.of(c.caseRef()));
    }

    /** The case's receipts as download links, for printing. */
    private Div receipts(WindowCase c) {
        Div receipts = new Div();
        receipts.setId("window-case-receipts");
        receipts.addClassName("window-actions");
        for (WindowCase.Receipt r : c.receipts()) {
            receipts.add(ReceiptDownload.link("window-receipt-" + r.id().toLowerCase(java.util.Locale.ROOT), getTranslation(r.labelKey()),
                    r.fileName(), () -> desk.receipt(c.caseRef(), r.id())));
        }
        return receipts;
    }

    private void showDocuments(WindowCase c) {
        documents.removeAll();
        if (!c.submittable()) {
            Paragraph done = new Paragraph(getTranslation("window.case.submitted"));
            done.setId("window-case-submitted");
            documents.add(IdentityCheck.card(getTranslation("window.case.documents"), done, receipts(c)));
            return;
        }
        Div fields = new Div();
        String clerk = CurrentUser.require().username();
        for (WindowCase.Slot slot : c.slots()) {
            DocumentUploadField field = uploads.create(c.caseRef(), slot.slot(), getTranslation(slot.labelKey()), clerk,
                    desk.documentAccess(c.caseRef()));
            field.setUploadTarget((fileName, declaredType, in) -> desk.upload(c.caseRef(), slot.slot(), fileName, declaredType, in));
            field.setId("window-slot-" + slot.slot());
            fields.add(field);
        }
        Span submitError = new Span();
        submitError.setId("window-case-submit-error");
        submitError.addClassName("window-identity--refused");
        Button submit = new Button(getTranslation("window.case.submit"), VaadinIcon.CHECK.create(), e -> {
            try {
                desk.submit(c.caseRef());
                show(desk.load(c.caseRef()));
            } catch (UserFacingException refused) {
                submitError.setText(getTranslation(refused.messageKey(), refused.arguments()));
            }
        });
        submit.setId("window-case-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        documents.add(IdentityCheck.card(getTranslation("window.case.documents"),
                new Paragraph(getTranslation("window.case.documentsHelp")), fields, submitError, submit));
    }

    /** The slip the applicant takes away: the number and the access code, shown this once. */
    private void handOver(String code) {
        Span numberValue = new Span(number);
        numberValue.setId("window-handover-number");
        Span codeValue = new Span(code);
        codeValue.setId("window-handover-code");
        codeValue.addClassName("window-handover__code");
        Div lines = new Div(line("window.handover.number", numberValue), line("window.handover.code", codeValue));
        Button print = new Button(getTranslation("window.handover.print"), VaadinIcon.PRINT.create(),
                e -> getElement().executeJs("window.print()"));
        print.setId("window-handover-print");
        print.addClassName("window-handover__print");
        Div card = IdentityCheck.card(getTranslation("window.handover.title"), new Paragraph(getTranslation("window.handover.help")),
                lines, new Paragraph(getTranslation("window.handover.once")), print);
        card.addClassName("window-print-slip");
        slip.add(card);
    }

    private Div line(String labelKey, Span value) {
        Div line = new Div(new Span(getTranslation(labelKey)), value);
        line.addClassName("window-handover__line");
        return line;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("window.case.title", number == null ? "" : number);
    }
}
