package org.reviewdesk.registration;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reviewdesk.documents.intake.Access;
import org.reviewdesk.documents.intake.DocumentDownloads;
import org.reviewdesk.review.CaseTimeline;
import org.reviewdesk.documents.intake.DocumentInfo;
import org.reviewdesk.documents.intake.DocumentService;
import org.reviewdesk.documents.intake.DocumentUploadField;
import org.reviewdesk.documents.intake.DocumentUploadFields;
import org.reviewdesk.applicants.PortalProperties;
import org.reviewdesk.applicants.SupplementItem;
import org.reviewdesk.platform.Toasts;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.UserFacingException;

/**
 * The applicant's status page: the application number and access code open one application
 * (the proof stays in this view only); then its state, what happened when, why it stopped or was
 * rejected, the request for more documents with its upload fields, the documents and the receipt.
 */
@Route(value = "status", autoLayout = false)
@AnonymousAllowed
public class ApplicationStatusView extends ApplicantPage implements BeforeEnterObserver {

    /** The query parameter that fills in the number (the link from the form's result). */
    static final String NUMBER_PARAMETER = "number";
    private static final String MISSING_DOCUMENT = "registration.documents.missing.";

    private final RegistrationService registrations;
    private final PortalProperties portal;
    private final ApplicantCodes codes;
    private final DocumentService documents;
    private final DocumentUploadFields uploads;

    private final TextField number = new TextField();
    private final TextField code = new TextField();
    private final Div lookup = new Div();
    private final Div details = new Div();
    private ApplicantAccess access;

    public ApplicationStatusView(RegistrationService registrations, ApplicantCodes codes, DocumentService documents,
                                 DocumentUploadFields uploads, BusinessTime time, PortalProperties portal) {
        super(time);
        this.portal = portal;
        this.registrations = registrations;
        this.codes = codes;
        this.documents = documents;
        this.uploads = uploads;
        addClassName("applicant-status-view");

        H1 title = new H1(getTranslation("applicant.status.title"));
        title.addClassName("applicant-title");
        Paragraph intro = new Paragraph(getTranslation("applicant.status.intro"));
        intro.addClassName("applicant-intro");

        number.setLabel(getTranslation("applicant.status.number"));
        number.setPlaceholder("RD20260101000001");
        number.setId("status-number");
        number.setManualValidation(true);
        code.setLabel(getTranslation("applicant.status.code"));
        code.setHelperText(getTranslation("applicant.status.code.helper"));
        code.setId("status-code");
        code.setManualValidation(true);
        code.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.OFF);
        Button open = new Button(getTranslation("applicant.status.open"), e -> open());
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        open.addClickShortcut(Key.ENTER);
        open.setId("status-open");
        Div fields = new Div(number, code, open);
        fields.addClassName("applicant-lookup__fields");
        lookup.add(new H2(getTranslation("applicant.status.lookup")), fields, lostCode());
        lookup.addClassName("applicant-card");
        lookup.addClassName("applicant-lookup");

        details.addClassName("applicant-status");
        details.setId("status-details");
        details.setVisible(false);
        main.add(title, intro, lookup, details);
    }

    /** A lost access code: a new one to the contact mobile on record (issue 14 item 4). */
    private com.vaadin.flow.component.details.Details lostCode() {
        TextField mobile = new TextField(getTranslation("applicant.status.reissue.mobile"));
        mobile.setId("reissue-mobile");
        mobile.setManualValidation(true);
        mobile.setMaxLength(20);
        Paragraph answer = new Paragraph();
        answer.setId("reissue-answer");
        answer.addClassName("applicant-hint");
        answer.setVisible(false);
        Button send = new Button(getTranslation("applicant.status.reissue.send"), e -> {
            VaadinRequest request = VaadinRequest.getCurrent();
            try {
                codes.reissue(number.getValue(), mobile.getValue(), request == null ? null : request.getRemoteAddr());
                mobile.setInvalid(false);
                answer.setText(getTranslation("applicant.status.reissue.sent"));
                answer.setVisible(true);
            } catch (UserFacingException refused) {
                mobile.setErrorMessage(getTranslation(refused.messageKey(), refused.arguments()));
                mobile.setInvalid(true);
                answer.setVisible(false);
            }
        });
        send.setId("reissue-send");
        Div body = new Div(new Paragraph(getTranslation("applicant.status.reissue.intro")), mobile, send, answer);
        body.addClassName("applicant-lookup__reissue");
        com.vaadin.flow.component.details.Details details =
                new com.vaadin.flow.component.details.Details(getTranslation("applicant.status.reissue.title"), body);
        details.setId("reissue");
        return details;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter(NUMBER_PARAMETER).ifPresent(number::setValue);
    }

    private void open() {
        VaadinRequest request = VaadinRequest.getCurrent();
        try {
            access = codes.open(number.getValue(), code.getValue(), request == null ? null : request.getRemoteAddr());
        } catch (UserFacingException e) {
            code.setErrorMessage(getTranslation(e.messageKey(), e.arguments()));
            code.setInvalid(true);
            return;
        }
        code.setInvalid(false);
        code.clear();
        lookup.setVisible(false);
        render();
    }

    private void close() {
        access = null;
        details.removeAll();
        details.setVisible(false);
        lookup.setVisible(true);
    }

    /** Everything about the opened application, built afresh (after an answer, too). */
    private void render() {
        ApplicationStatus status = registrations.status(access);
        details.removeAll();
        details.add(overview(status));
        List<CheckResult> stops = status.stopReasons();
        if (!stops.isEmpty()) {
            details.add(stopped(stops));
        }
        if (status.state() == RegistrationState.APPROVED) {
            details.add(signIn(status));
        }
        if (!status.rejectionReasons().isEmpty() || status.decisionText() != null) {
            details.add(decision(status));
        }
        if (status.supplement() != null) {
            details.add(supplement(status.supplement()));
        }
        details.add(documentsCard(status), timeline(status));
        details.setVisible(true);
    }

    private Div overview(ApplicationStatus status) {
        Span badge = new Span(getTranslation(status.state().messageKey()));
        badge.addClassNames("applicant-state", "applicant-state--" + status.state().name().toLowerCase(java.util.Locale.ROOT));
        badge.setId("status-state");
        H2 name = new H2(status.name());
        Div head = new Div(name, badge);
        head.addClassName("applicant-status__head");
        Paragraph hint = new Paragraph(getTranslation("applicant.status.hint." + status.state().name(), day(status.reviewDue())));
        hint.addClassName("applicant-status__hint");
        Div rows = new Div(
                row("applicant.status.number", status.number()),
                row("applicant.field.type", status.legalPersonType() == null ? null : getTranslation(status.legalPersonType().messageKey())),
                row("applicant.field.uscc", status.uscc()),
                row("applicant.status.representative", status.representativeNameMasked()),
                row("applicant.field.contactMobile", status.contactMobileMasked()),
                row("applicant.status.submittedAt", time(status.submittedAt())));
        if (status.reviewDue() != null) {
            rows.add(row("applicant.status.reviewDue", day(status.reviewDue())));
        }
        rows.addClassName("applicant-summary");
        Div actions = new Div();
        actions.addClassName("applicant-actions");
        if (status.receiptAvailable()) {
            actions.add(receiptLink(registrations, access));
        }
        Button leave = new Button(getTranslation("applicant.status.close"), e -> close());
        leave.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        actions.add(leave);
        return card(null, head, hint, rows, actions);
    }

    /** After the approval: where the new account signs in, and with which login name. */
    private Div signIn(ApplicationStatus status) {
        com.vaadin.flow.component.html.Anchor address = new com.vaadin.flow.component.html.Anchor(portal.loginAddress(),
                portal.loginAddress(), com.vaadin.flow.component.html.AnchorTarget.BLANK);
        address.getElement().setAttribute("rel", "noopener noreferrer");
        address.setId("status-login-address");
        Span loginName = new Span(status.uscc());
        loginName.setId("status-login-name");
        Div rows = new Div(loginRow("applicant.status.login.address", address), loginRow("applicant.status.login.name", loginName));
        rows.addClassName("applicant-summary");
        Div card = card("applicant.status.login.title", new Paragraph(getTranslation("applicant.status.login.hint")), rows);
        card.setId("status-login");
        return card;
    }

    private Div loginRow(String labelKey, Component value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("workbench-facts__label");
        value.getElement().getClassList().add("workbench-facts__value");
        Div row = new Div(label, value);
        row.addClassName("workbench-facts__row");
        return row;
    }

    private Div stopped(List<CheckResult> stops) {
        UnorderedList reasons = new UnorderedList();
        stops.forEach(s -> reasons.add(new ListItem(translate(s.message()))));
        Div card = card("applicant.status.stopped", reasons);
        card.addClassName("applicant-card--alert");
        card.setId("status-stop-reasons");
        return card;
    }

    private Div decision(ApplicationStatus status) {
        Div card = card("applicant.status.rejected");
        if (!status.rejectionReasons().isEmpty()) {
            UnorderedList reasons = new UnorderedList();
            status.rejectionReasons().forEach(r -> reasons.add(new ListItem(r.text(getLocale()))));
            card.add(reasons);
        }
        if (status.decisionText() != null) {
            Paragraph text = new Paragraph(status.decisionText());
            text.addClassName("applicant-quote");
            card.add(text);
        }
        card.addClassName("applicant-card--alert");
        card.setId("status-decision");
        return card;
    }

    /**
     * The reviewer's request: by when, and per named document why a new version is needed, what was
     * received so far (the version judged stays listed in the field, so the text says it no longer
     * counts) and a field for the new file; then the answer.
     */
    private Div supplement(SupplementRequest request) {
        Div card = card("applicant.status.supplement");
        card.addClassName("applicant-card--action");
        card.setId("status-supplement");
        card.add(new Paragraph(getTranslation("applicant.status.supplement.intro")));
        if (request.note() != null) {
            Paragraph note = new Paragraph(request.note());
            note.addClassName("applicant-quote");
            card.add(note);
        }
        card.add(new Paragraph(getTranslation("applicant.status.supplement.due", day(request.due()))));
        Div items = new Div();
        items.addClassName("applicant-supplement");
        Map<String, DocumentUploadField> fields = new LinkedHashMap<>();
        for (String slot : request.slots()) {
            if (!registrations.uploadable(access, slot)) {
                continue;
            }
            ApplicantAccess holder = access;
            String name = getTranslation(RegistrationService.slotKey(slot));
            DocumentUploadField field = uploads.create(holder.number(), slot, name,
                    RegistrationService.APPLICANT_ACTOR + holder.number(), registrations.documentAccess(holder));
            field.setUploadTarget((fileName, declaredType, in) -> registrations.upload(holder, slot, fileName, declaredType, in));
            field.setId("supplement-" + slot);
            fields.put(slot, field);
            items.add(supplementItem(slot, name, request, field));
        }
        Div errors = new Div();
        errors.addClassName("applicant-banner");
        errors.addClassName("is-error");
        errors.getElement().setAttribute("role", "alert");
        errors.setVisible(false);
        Button answer = new Button(getTranslation("applicant.status.supplement.answer"), e -> answer(errors, fields));
        answer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        answer.setId("supplement-answer");
        Div actions = new Div(answer);
        actions.addClassName("applicant-actions");
        card.add(items, errors, actions);
        return card;
    }

    private SupplementItem supplementItem(String slot, String name, SupplementRequest request, DocumentUploadField field) {
        SupplementItem item = new SupplementItem(slot, name, request.reasons().get(slot), field);
        Runnable describe = () -> field.getDocument().ifPresentOrElse(
                newest -> item.describe(newest.version(), newest.displayName(), newest.createdAt().isAfter(request.requestedAt())),
                () -> item.describe(null, null, false));
        describe.run();
        field.addDocumentUploadedListener(e -> describe.run());
        return item;
    }

    private void answer(Div errors, Map<String, DocumentUploadField> fields) {
        try {
            registrations.answerSupplement(access);
        } catch (FormRefusedException refused) {
            errors.removeAll();
            UnorderedList list = new UnorderedList();
            for (FieldError e : refused.errors()) {
                String key = e.message().key();
                DocumentUploadField field = key.startsWith(MISSING_DOCUMENT) ? fields.get(key.substring(MISSING_DOCUMENT.length())) : null;
                // the version judged is still listed at the field: "upload it" would read as done
                String text = field == null ? translate(e.message()) : getTranslation("applicant.status.supplement.stillNeeded",
                        getTranslation(RegistrationService.slotKey(field.getSlot())));
                list.add(new ListItem(text));
                if (field != null) {
                    field.setErrorMessage(text);
                    field.setInvalid(true);
                }
            }
            errors.add(new Span(getTranslation("registration.form.invalid", refused.errors().size())), list);
            errors.setVisible(true);
            return;
        } catch (UserFacingException e) {
            errors.removeAll();
            errors.add(new Span(getTranslation(e.messageKey(), e.arguments())));
            errors.setVisible(true);
            return;
        }
        Toasts.success(getTranslation("applicant.status.supplement.answered"));
        render();
    }

    private Div documentsCard(ApplicationStatus status) {
        Div list = new Div();
        list.addClassName("applicant-document-list");
        Access reader = registrations.documentAccess(access);
        for (String slot : status.requiredSlots()) {
            DocumentInfo d = status.documents().get(slot);
            Span label = new Span(getTranslation(RegistrationService.slotKey(slot)));
            label.addClassName("applicant-document__label");
            Span file = new Span(d == null ? getTranslation("applicant.review.missing")
                    : getTranslation("applicant.review.document", d.displayName(), d.pageCount(), d.version()));
            file.addClassName("applicant-document__file");
            Div text = new Div(label, file);
            text.addClassName("applicant-document__text");
            Div item = new Div(thumbnail(d, reader), text);
            item.addClassName("applicant-document");
            list.add(item);
        }
        Div card = card("applicant.section.documents", list);
        card.setId("status-documents");
        return card;
    }

    private Component thumbnail(DocumentInfo d, Access reader) {
        if (d == null || d.previewState() != org.reviewdesk.documents.intake.PreviewState.READY) {
            Div placeholder = new Div(new Span(getTranslation(d == null ? "applicant.status.noDocument" : "applicant.status.previewPending")));
            placeholder.addClassName("applicant-document__placeholder");
            return placeholder;
        }
        long id = d.id();
        DownloadHandler handler = DocumentDownloads.handler(() -> documents.openPreview(id, 1, reader), false);
        Image image = new Image(handler, getTranslation("intake.upload.field.thumbnailAlt", d.displayName()));
        image.addClassName("applicant-document__thumbnail");
        return image;
    }

    private Div timeline(ApplicationStatus status) {
        CaseTimeline timeline = new CaseTimeline("applicant-timeline", status.timeline().stream()
                .map(e -> new CaseTimeline.Entry(e.at(), e.messageKey(), null, e.detail(), List.of())).toList(),
                businessTime, RegistrationService::slotKey);
        Div card = card("applicant.status.timeline", timeline);
        card.setId("status-timeline");
        return card;
    }

    private Div card(String titleKey, Component... content) {
        Div card = new Div();
        if (titleKey != null) {
            card.add(new H2(getTranslation(titleKey)));
        }
        card.add(content);
        card.addClassName("applicant-card");
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("applicant.status.title") + " · " + getTranslation("applicant.header.portal");
    }
}
