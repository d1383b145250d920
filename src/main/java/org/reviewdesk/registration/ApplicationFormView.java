package org.reviewdesk.registration;

import org.reviewdesk.applicants.MobileProofs;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.reviewdesk.documents.intake.DocumentInfo;
import org.reviewdesk.documents.intake.DocumentUploadField;
import org.reviewdesk.documents.intake.DocumentUploadFields;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.Masking;

/**
 * The out-of-province applicant's form (SPEC.md, process 1), in four steps: the legal person, the
 * documents, a review of both, the declaration and submission. Every rule is the service's; its
 * messages show at the field they concern. The draft is created on the way to the documents step,
 * and its number and code live in this UI's session only (so a language switch or a reload keeps
 * the draft, a new browser does not).
 */
@Route(value = "apply", autoLayout = false)
@AnonymousAllowed
public class ApplicationFormView extends ApplicantPage implements BeforeEnterObserver {

    /** The draft of this browser session, so a reload (e.g. the language switch) does not lose it. */
    static final String SAVED_DRAFT = ApplicationFormView.class.getName() + ".draft";
    /** {@code /apply?uscc=…}: a new form with the code filled in (the offline window opens it so). */
    public static final String USCC_PARAMETER = "uscc";
    private static final String MISSING_DOCUMENT = "registration.documents.missing.";

    enum Step { APPLICANT, DOCUMENTS, REVIEW, DECLARATION }

    private final RegistrationService registrations;
    private final DocumentUploadFields uploads;
    /** A retried "next" (a lost response) gives the same draft, not a second one. */
    private final String idempotencyKey = UUID.randomUUID().toString();

    private final Checkbox declaration = new Checkbox();
    private final Map<FormField, HasValidation> fields = new EnumMap<>(FormField.class);
    private ApplicantDetailsStep details;

    private final OrderedList steps = new OrderedList();
    private final Div banner = new Div();
    private final Map<Step, Div> sections = new EnumMap<>(Step.class);
    private final Div documentList = new Div();
    private final Map<String, DocumentUploadField> uploadFields = new LinkedHashMap<>();
    private final Div summary = new Div();
    private final Div result = new Div();

    private DraftCreated draft;
    private Step step = Step.APPLICANT;

    public ApplicationFormView(RegistrationService registrations, MobileProofs proofs, DocumentUploadFields uploads,
                               BusinessTime time) {
        super(time);
        this.registrations = registrations;
        this.uploads = uploads;
        addClassName("applicant-form-view");

        H1 title = new H1(getTranslation("applicant.form.title"));
        title.addClassName("applicant-title");
        Paragraph intro = new Paragraph(getTranslation("applicant.form.intro"));
        intro.addClassName("applicant-intro");
        steps.addClassName("applicant-steps");
        banner.addClassName("applicant-banner");
        banner.getElement().setAttribute("role", "alert");
        banner.setVisible(false);
        result.addClassName("applicant-result");
        result.setVisible(false);

        details = new ApplicantDetailsStep(registrations, proofs, ApplicationFormView::clientAddress, fields, error -> mark(error));
        Button next = primary("applicant.action.toDocuments", e -> leaveApplicantStep());
        next.setId("apply-next-1");
        sections.put(Step.APPLICANT, section(Step.APPLICANT, details, actions(null, next)));
        sections.put(Step.DOCUMENTS, documentsStep());
        sections.put(Step.REVIEW, reviewStep());
        sections.put(Step.DECLARATION, declarationStep());
        main.add(title, intro, steps, banner);
        sections.values().forEach(main::add);
        main.add(result);

        restoreDraft();
        show(step);
    }

    // ---- step 1: the legal person -------------------------------------------------------------

    private void leaveApplicantStep() {
        ApplicantForm form = details.form();
        List<FieldError> errors = registrations.validate(form);
        if (!showErrors(errors)) {
            return;
        }
        try {
            if (draft == null) {
                DraftCreated created = registrations.createDraft(form, details.proof(), getLocale(), idempotencyKey, clientAddress());
                if (created.reissued()) {
                    // the draft was made by an earlier click whose answer was lost: its new code went by SMS only
                    error(getTranslation("registration.idempotencyKey.codeResent", created.mobileMasked()));
                    return;
                }
                draft = created;
                VaadinSession.getCurrent().setAttribute(SAVED_DRAFT, draft);
                details.mobileProven();
            } else {
                registrations.updateDraft(draft.access(), form, clientAddress());
            }
        } catch (FormRefusedException refused) {
            showErrors(refused.errors());
            return;
        } catch (UserFacingException e) {
            error(getTranslation(e.messageKey(), e.arguments()));
            return;
        }
        show(Step.DOCUMENTS);
    }

    // ---- step 2: documents --------------------------------------------------------------------

    private Div documentsStep() {
        Paragraph hint = new Paragraph(getTranslation("applicant.documents.hint",
                String.valueOf(Math.max(1, uploads.maxBytes() / (1024 * 1024)))));
        hint.addClassName("applicant-hint");
        documentList.addClassName("applicant-documents");
        Button back = secondary("applicant.action.back", e -> show(Step.APPLICANT));
        Button next = primary("applicant.action.toReview", e -> leaveDocumentsStep());
        next.setId("apply-next-2");
        return section(Step.DOCUMENTS, group("applicant.section.documents", hint, documentList), actions(back, next));
    }

    /** One upload field per slot the type needs now, each storing through the service (which checks the state). */
    private void buildDocumentFields() {
        documentList.removeAll();
        uploadFields.clear();
        ApplicantAccess access = draft.access();
        for (String slot : registrations.requiredSlots(details.form().legalPersonType(), details.form().agentApplies())) {
            if (!registrations.uploadable(access, slot)) {
                continue;
            }
            DocumentUploadField field = uploads.create(access.number(), slot,
                    getTranslation(RegistrationService.slotKey(slot)),
                    RegistrationService.APPLICANT_ACTOR + access.number(), registrations.documentAccess(access));
            field.setUploadTarget((fileName, declaredType, in) -> registrations.upload(access, slot, fileName, declaredType, in));
            field.setId("document-" + slot);
            field.addDocumentUploadedListener(e -> banner.setVisible(false));
            documentList.add(field);
            uploadFields.put(slot, field);
        }
    }

    private void leaveDocumentsStep() {
        List<FieldError> missing = uploadFields.entrySet().stream()
                .filter(e -> e.getValue().getDocument().isEmpty())
                .map(e -> FieldError.of(FormField.DOCUMENTS, MISSING_DOCUMENT + e.getKey()))
                .toList();
        if (showErrors(missing)) {
            show(Step.REVIEW);
        }
    }

    // ---- step 3: review -----------------------------------------------------------------------

    private Div reviewStep() {
        summary.addClassName("applicant-summary");
        summary.setId("apply-summary");
        Button back = secondary("applicant.action.back", e -> show(Step.DOCUMENTS));
        Button next = primary("applicant.action.toDeclaration", e -> show(Step.DECLARATION));
        next.setId("apply-next-3");
        return section(Step.REVIEW, group("applicant.section.review", summary), actions(back, next));
    }

    private void buildSummary() {
        summary.removeAll();
        ApplicantForm f = registrations.form(draft.access());
        summary.add(summaryGroup("applicant.section.legalPerson",
                row("applicant.field.type", f.legalPersonType() == null ? null : getTranslation(f.legalPersonType().messageKey())),
                row("applicant.field.name", f.name()),
                row("applicant.field.uscc", f.uscc())));
        summary.add(summaryGroup("applicant.section.representative",
                row("applicant.field.personName", f.representativeName()),
                row("applicant.field.idType", idType(f.representativeIdType())),
                row("applicant.field.idNumber", f.representativeIdNumber()),
                row("applicant.field.mobile", f.representativeMobile())));
        if (f.agentApplies()) {
            summary.add(summaryGroup("applicant.section.agent",
                    row("applicant.field.personName", f.agentName()),
                    row("applicant.field.idType", idType(f.agentIdType())),
                    row("applicant.field.idNumber", f.agentIdNumber()),
                    row("applicant.field.mobile", f.agentMobile())));
        }
        summary.add(summaryGroup("applicant.section.contact",
                row("applicant.field.contactMobile", f.contactMobile()),
                row("applicant.field.contactEmail", f.contactEmail())));
        ApplicationStatus status = registrations.status(draft.access());
        Div documents = summaryGroup("applicant.section.documents");
        for (String slot : status.requiredSlots()) {
            DocumentInfo d = status.documents().get(slot);
            documents.add(row(RegistrationService.slotKey(slot), d == null ? getTranslation("applicant.review.missing")
                    : getTranslation("applicant.review.document", d.displayName(), d.pageCount(), d.version())));
        }
        summary.add(documents);
    }

    private String idType(IdType t) {
        return t == null ? null : getTranslation(t.messageKey());
    }

    private Div summaryGroup(String titleKey, Component... rows) {
        Span title = new Span(getTranslation(titleKey));
        title.addClassName("applicant-summary__title");
        Div group = new Div(title);
        group.add(rows);
        group.addClassName("applicant-summary__group");
        return group;
    }

    // ---- step 4: declaration and submit -------------------------------------------------------

    private Div declarationStep() {
        Div text = new Div();
        text.addClassName("applicant-declaration");
        for (String paragraph : getTranslation("applicant.declaration.text").split("\n")) {
            text.add(new Paragraph(paragraph));
        }
        declaration.setLabel(getTranslation("applicant.declaration.accept"));
        declaration.setId("apply-declaration");
        declaration.setManualValidation(true);
        fields.put(FormField.DECLARATION, declaration);
        Button back = secondary("applicant.action.back", e -> show(Step.REVIEW));
        Button submit = primary("applicant.action.submit", e -> submit());
        submit.setId("apply-submit");
        submit.setDisableOnClick(true);
        submit.addClickListener(e -> submit.setEnabled(true));
        return section(Step.DECLARATION, group("applicant.section.declaration", text, declaration), actions(back, submit));
    }

    private void submit() {
        Submitted submitted;
        try {
            submitted = registrations.submit(draft.access(), declaration.getValue());
        } catch (FormRefusedException refused) {
            showErrors(refused.errors());
            return;
        } catch (UserFacingException e) {
            error(getTranslation(e.messageKey(), e.arguments()));
            return;
        }
        VaadinSession.getCurrent().setAttribute(SAVED_DRAFT, null);
        showResult(submitted);
    }

    /** The number and the code, shown this once; the receipt; the way to the status page. */
    private void showResult(Submitted submitted) {
        ApplicantAccess access = draft.access();
        String mobile = Masking.mobile(registrations.form(access).contactMobile());
        Span icon = new Span(VaadinIcon.CHECK_CIRCLE.create());
        icon.addClassName("applicant-result__icon");
        H2 title = new H2(getTranslation("applicant.result.title"));
        Paragraph lead = new Paragraph(getTranslation("applicant.result.lead"));
        Div number = credential("applicant.result.number", submitted.applicationNumber(), "result-number");
        Div code = credential("applicant.result.code", draft.accessCode(), "result-code");
        Div credentials = new Div(number, code);
        credentials.addClassName("applicant-result__credentials");
        Paragraph keep = new Paragraph(getTranslation("applicant.result.keep", mobile));
        keep.addClassName("applicant-result__keep");
        RouterLink status = new RouterLink(getTranslation("applicant.result.toStatus"), ApplicationStatusView.class);
        status.setQueryParameters(QueryParameters.of(ApplicationStatusView.NUMBER_PARAMETER, submitted.applicationNumber()));
        status.setId("result-status-link");
        status.addClassName("applicant-result__status");
        Div links = new Div(receiptLink(registrations, access), status);
        links.addClassName("applicant-result__links");
        result.removeAll();
        result.add(icon, title, lead, credentials, keep, links);

        sections.values().forEach(s -> s.setVisible(false));
        steps.setVisible(false);
        banner.setVisible(false);
        result.setVisible(true);
    }

    private Div credential(String labelKey, String value, String id) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("applicant-credential__label");
        Span text = new Span(value);
        text.addClassName("applicant-credential__value");
        text.setId(id);
        Div box = new Div(label, text);
        box.addClassName("applicant-credential");
        return box;
    }

    // ---- steps, errors, layout helpers ----------------------------------------------------------

    private void show(Step next) {
        if (next != Step.APPLICANT && draft == null) {
            next = Step.APPLICANT;
        }
        step = next;
        banner.setVisible(false);
        switch (next) {
            case DOCUMENTS -> buildDocumentFields();
            case REVIEW -> buildSummary();
            default -> { }
        }
        sections.forEach((s, section) -> section.setVisible(s == step));
        steps.removeAll();
        for (Step s : Step.values()) {
            Span number = new Span(String.valueOf(s.ordinal() + 1));
            number.addClassName("applicant-steps__number");
            Span label = new Span(getTranslation("applicant.step." + s.name()));
            label.addClassName("applicant-steps__label");
            ListItem item = new ListItem(number, label);
            item.addClassName("applicant-steps__item");
            if (s == step) {
                item.addClassName("is-current");
                item.getElement().setAttribute("aria-current", "step");
            } else if (s.ordinal() < step.ordinal()) {
                item.addClassName("is-done");
            }
            steps.add(item);
        }
        getElement().executeJs("window.scrollTo(0, 0)");
    }

    /**
     * Marks every error at its field, clears the others and explains at the top those whose field
     * is on another step (e.g. a code taken meanwhile, found at submission).
     *
     * @return whether there was none
     */
    private boolean showErrors(List<FieldError> errors) {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
        uploadFields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
        banner.setVisible(false);
        if (errors.isEmpty()) {
            return true;
        }
        List<String> elsewhere = new ArrayList<>();
        for (FieldError e : errors) {
            Optional<Component> at = mark(e);
            if (at.isEmpty() || !isShown(at.get())) {
                elsewhere.add(translate(e.message()));
            }
        }
        banner.removeAll();
        banner.setClassName("applicant-banner is-error");
        banner.add(new Span(getTranslation("registration.form.invalid", errors.size())));
        if (!elsewhere.isEmpty()) {
            UnorderedList list = new UnorderedList();
            elsewhere.forEach(text -> list.add(new ListItem(text)));
            banner.add(list);
        }
        banner.setVisible(true);
        return false;
    }

    /** Puts one error at its field, unless the field shows one already. */
    private Optional<Component> mark(FieldError error) {
        HasValidation field = error.field() == FormField.DOCUMENTS ? documentField(error) : fields.get(error.field());
        if (field == null) {
            return Optional.empty();
        }
        if (error.field() == FormField.USCC_CONFIRMED) {
            details.askForConfirmation();
        }
        if (!field.isInvalid()) {
            field.setErrorMessage(translate(error.message()));
            field.setInvalid(true);
        }
        return Optional.of((Component) field);
    }

    private HasValidation documentField(FieldError error) {
        String key = error.message().key();
        return key.startsWith(MISSING_DOCUMENT) ? uploadFields.get(key.substring(MISSING_DOCUMENT.length())) : null;
    }

    private boolean isShown(Component component) {
        Div current = sections.get(step);
        for (Optional<Component> c = Optional.of(component); c.isPresent(); c = c.get().getParent()) {
            if (!c.get().isVisible()) {
                return false;
            }
            if (c.get() == current) {
                return true;
            }
        }
        return false;
    }

    private void error(String text) {
        banner.removeAll();
        banner.setClassName("applicant-banner is-error");
        banner.add(new Span(text));
        banner.setVisible(true);
    }

    /**
     * With a code in the address, a new form for it: a draft of this browser session for another code
     * is left (its applicant keeps its number and access code), so a window clerk serving one walk-in
     * applicant after another never shows the previous one's data. The invitation to register again
     * after a deregistration (process 2) also carries {@code name}, {@code type} and {@code rep}, which
     * prefill that new form.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter(USCC_PARAMETER).ifPresent(code -> {
            if (draft != null && code.strip().equalsIgnoreCase(details.form().uscc())) {
                return;
            }
            draft = null;
            VaadinSession.getCurrent().setAttribute(SAVED_DRAFT, null);
            details.startWithCode(code.strip());
            show(Step.APPLICANT);
        });
        if (draft != null) {
            return;
        }
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        LegalPersonType type = null;
        String typeName = first(query, "type");
        if (typeName != null) {
            try {
                type = LegalPersonType.valueOf(typeName);
            } catch (IllegalArgumentException unknown) {
                // an edited link: leave the type to the applicant
            }
        }
        String name = limit(first(query, "name"), 200);
        String representative = limit(first(query, "rep"), 100);
        if (name != null || type != null || representative != null) {
            details.prefill(null, name, type, representative);
        }
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
    }

    private static String limit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private void restoreDraft() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null || !(session.getAttribute(SAVED_DRAFT) instanceof DraftCreated saved)) {
            return;
        }
        try {
            if (registrations.status(saved.access()).state() == RegistrationState.DRAFT) {
                details.fill(registrations.form(saved.access()));
                details.mobileProven();
                draft = saved;
                step = Step.DOCUMENTS;
                return;
            }
        } catch (UserFacingException gone) {
            // deleted meanwhile: start afresh
        }
        session.setAttribute(SAVED_DRAFT, null);
    }

    private Div section(Step s, Component... content) {
        Div section = new Div(content);
        section.addClassName("applicant-step");
        section.setId("step-" + s.name().toLowerCase(java.util.Locale.ROOT));
        return section;
    }

    private Div group(String titleKey, Component... content) {
        H2 title = new H2(getTranslation(titleKey));
        Div group = new Div(title);
        group.add(content);
        group.addClassName("applicant-card");
        return group;
    }

    private Div actions(Button back, Button next) {
        Div actions = new Div();
        actions.addClassName("applicant-actions");
        if (back != null) {
            actions.add(back);
        }
        actions.add(next);
        return actions;
    }

    private Button primary(String key, com.vaadin.flow.component.ComponentEventListener<com.vaadin.flow.component.ClickEvent<Button>> listener) {
        Button button = new Button(getTranslation(key), listener);
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return button;
    }

    private Button secondary(String key, com.vaadin.flow.component.ComponentEventListener<com.vaadin.flow.component.ClickEvent<Button>> listener) {
        Button button = new Button(getTranslation(key), listener);
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    /** The client's address, counted against the draft limits (a draft sends an SMS). */
    private static String clientAddress() {
        com.vaadin.flow.server.VaadinRequest request = com.vaadin.flow.server.VaadinRequest.getCurrent();
        if (request != null && request.getRemoteAddr() != null) {
            return request.getRemoteAddr();
        }
        VaadinSession session = VaadinSession.getCurrent();
        return session == null || session.getBrowser() == null || session.getBrowser().getAddress() == null
                ? "unknown" : session.getBrowser().getAddress();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("applicant.form.title") + " · " + getTranslation("applicant.header.portal");
    }
}
