package org.reviewdesk.representative;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.HashMap;
import java.util.Map;
import org.reviewdesk.applicants.MobileProof;
import org.reviewdesk.applicants.MobileProofs;
import org.reviewdesk.documents.intake.DocumentUploadField;
import org.reviewdesk.documents.intake.DocumentUploadFields;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.rules.IdType;

/**
 * {@code /change}: the new legal representative (or their agent) asks for the old account to be
 * deregistered (认证注销): the organisation's code, the reason, the new representative, the mobile
 * proven by an SMS code; then the number and access code (shown once), the documents, and submit.
 * Every rule is the service's; the form shows its refusals at their fields.
 */
@Route(value = "change", autoLayout = false)
@AnonymousAllowed
public class ChangeFormView extends ChangePage implements com.vaadin.flow.router.BeforeEnterObserver {

    private final RepresentativeChanges changes;
    private final MobileProofs proofs;
    private final DocumentUploadFields uploads;
    private final Binder<ChangeFormBean> binder = new Binder<>(ChangeFormBean.class);
    private final ChangeFormBean bean = new ChangeFormBean();
    private final Map<String, com.vaadin.flow.component.HasValidation> fields = new HashMap<>();
    private final TextField mobileCode = new TextField();
    private final Div formError = new Div();
    private final Div form = new Div();
    private String proofId;

    public ChangeFormView(RepresentativeChanges changes, MobileProofs proofs, DocumentUploadFields uploads) {
        this.changes = changes;
        this.proofs = proofs;
        this.uploads = uploads;
        setId("change-form-view");
        main.add(new H1(getTranslation("representative.form.title")), new Paragraph(getTranslation("representative.form.intro")));
        buildForm();
        main.add(form);
    }

    /**
     * {@code ?reason=NAME_CHANGED} (the name-change page sends non-企业 bodies here) and {@code ?uscc=}
     * preselect the form; anything unknown is ignored.
     */
    @Override
    @SuppressWarnings("unchecked")
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        Map<String, java.util.List<String>> query = event.getLocation().getQueryParameters().getParameters();
        query.getOrDefault("reason", java.util.List.of()).stream().findFirst()
                .flatMap(name -> java.util.Arrays.stream(ChangeReason.values()).filter(r -> r.name().equals(name)).findFirst())
                .ifPresent(r -> ((Select<ChangeReason>) fields.get("reason")).setValue(r));
        query.getOrDefault("uscc", java.util.List.of()).stream().findFirst()
                .map(code -> code.strip().toUpperCase(java.util.Locale.ROOT))
                .filter(code -> code.matches("[0-9A-Z]{18}"))
                .ifPresent(code -> ((TextField) fields.get("uscc")).setValue(code));
    }

    private void buildForm() {
        TextField uscc = text("uscc", "representative.form.uscc");
        binder.forField(uscc).bind(ChangeFormBean::getUscc, ChangeFormBean::setUscc);
        Select<ChangeReason> reason = new Select<>();
        reason.setLabel(getTranslation("representative.form.reason"));
        reason.setItems(ChangeReason.values());
        reason.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
        reason.setId("reason");
        fields.put("reason", reason);
        binder.forField(reason).bind(ChangeFormBean::getReason, ChangeFormBean::setReason);
        TextField reasonText = text("reasonText", "representative.form.reasonText");
        binder.forField(reasonText).bind(ChangeFormBean::getReasonText, ChangeFormBean::setReasonText);
        TextField name = text("representativeName", "representative.form.representativeName");
        binder.forField(name).bind(ChangeFormBean::getRepresentativeName, ChangeFormBean::setRepresentativeName);
        Select<IdType> idType = idType("representativeIdType");
        binder.forField(idType).bind(ChangeFormBean::getRepresentativeIdType, ChangeFormBean::setRepresentativeIdType);
        TextField idNumber = text("representativeIdNumber", "representative.form.representativeIdNumber");
        binder.forField(idNumber).bind(ChangeFormBean::getRepresentativeIdNumber, ChangeFormBean::setRepresentativeIdNumber);
        TextField mobile = text("representativeMobile", "representative.form.representativeMobile");
        binder.forField(mobile).bind(ChangeFormBean::getRepresentativeMobile, ChangeFormBean::setRepresentativeMobile);
        Checkbox agent = new Checkbox(getTranslation("representative.form.agentApplies"));
        agent.setId("agentApplies");
        binder.forField(agent).bind(ChangeFormBean::isAgentApplies, ChangeFormBean::setAgentApplies);
        TextField agentName = text("agentName", "representative.form.agentName");
        binder.forField(agentName).bind(ChangeFormBean::getAgentName, ChangeFormBean::setAgentName);
        Select<IdType> agentIdType = idType("agentIdType");
        binder.forField(agentIdType).bind(ChangeFormBean::getAgentIdType, ChangeFormBean::setAgentIdType);
        TextField agentId = text("agentIdNumber", "representative.form.agentIdNumber");
        binder.forField(agentId).bind(ChangeFormBean::getAgentIdNumber, ChangeFormBean::setAgentIdNumber);
        TextField agentMobile = text("agentMobile", "representative.form.agentMobile");
        binder.forField(agentMobile).bind(ChangeFormBean::getAgentMobile, ChangeFormBean::setAgentMobile);
        Div agentFields = new Div(agentName, agentIdType, agentId, agentMobile);
        agentFields.setVisible(false);
        agent.addValueChangeListener(e -> agentFields.setVisible(e.getValue()));
        reasonText.setVisible(false);
        reason.addValueChangeListener(e -> reasonText.setVisible(e.getValue() == ChangeReason.OTHER));
        binder.setBean(bean);

        mobileCode.setLabel(getTranslation("representative.form.mobileCode"));
        mobileCode.setId("mobileCode");
        fields.put("mobileCode", mobileCode);
        Button send = new Button(getTranslation("representative.form.sendCode"), e -> sendCode());
        send.setId("send-code");
        Div codeRow = new Div(mobileCode, send);
        codeRow.addClassName("applicant-code-row");

        Button start = new Button(getTranslation("representative.form.start"), e -> start());
        start.setId("start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        formError.setId("form-error");
        formError.addClassName("applicant-error");
        form.add(uscc, reason, reasonText, name, idType, idNumber, mobile, agent, agentFields, codeRow, formError, start);
        form.addClassName("applicant-form");
    }

    private TextField text(String id, String labelKey) {
        TextField field = new TextField(getTranslation(labelKey));
        field.setId(id);
        field.setWidthFull();
        fields.put(id, field);
        return field;
    }

    private Select<IdType> idType(String id) {
        Select<IdType> select = new Select<>();
        select.setLabel(getTranslation("representative.form.idType"));
        select.setItems(IdType.values());
        select.setItemLabelGenerator(t -> getTranslation(t.messageKey()));
        select.setId(id);
        fields.put(id, select);
        return select;
    }

    private void sendCode() {
        clearErrors();
        try {
            MobileProofs.Requested sent = proofs.request(bean.contactMobile(), getLocale(), clientAddress());
            proofId = sent.proofId();
            mobileCode.setHelperText(getTranslation("registration.mobileProof.sent", sent.mobileMasked()));
        } catch (UserFacingException e) {
            mark("mobileCode", getTranslation(e.messageKey(), e.arguments()));
        }
    }

    private void start() {
        clearErrors();
        try {
            ChangeStarted started = changes.startOnline(bean.toRequest(), new MobileProof(proofId, mobileCode.getValue()), getLocale());
            showStarted(started);
        } catch (ChangeRefused refused) {
            refused.errors().forEach(e -> mark(e.field(), getTranslation(e.message().key(), e.message().argumentArray())));
        } catch (UserFacingException e) {
            formError.setText(getTranslation(e.messageKey(), e.arguments()));
        }
    }

    /** The number and the code (shown only now), the documents to upload, and the submit. */
    private void showStarted(ChangeStarted started) {
        form.removeAll();
        Div codes = new Div(row("representative.result.number", started.number()),
                row("representative.result.accessCode", started.accessCode()));
        codes.setId("started");
        codes.addClassName("applicant-summary");
        form.add(new H2(getTranslation("representative.result.title")), codes,
                new Paragraph(getTranslation("representative.result.keepCode")), new H2(getTranslation("representative.result.documents")));
        ChangeAccess access = started.access();
        for (String slot : changes.requiredSlots(access)) {
            DocumentUploadField field = uploads.create(started.number(), slot, getTranslation(RepresentativeWorkbench.slotKey(slot)),
                    RepresentativeChanges.APPLICANT + started.number(), changes.documentAccess(access));
            field.setUploadTarget((fileName, declaredType, in) -> changes.upload(access, slot, fileName, declaredType, in));
            field.setId("document-" + slot);
            form.add(field);
        }
        Div submitError = new Div();
        submitError.setId("submit-error");
        submitError.addClassName("applicant-error");
        Button submit = new Button(getTranslation("representative.result.submit"));
        submit.setId("submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> {
            try {
                changes.submit(access);
                form.removeAll();
                Paragraph done = new Paragraph(getTranslation("representative.result.submitted", started.number()));
                done.setId("submitted");
                form.add(done, new RouterLink(getTranslation("representative.page.status"), ChangeStatusView.class));
            } catch (UserFacingException refused) {
                submitError.setText(getTranslation(refused.messageKey(), refused.arguments()));
            }
        });
        form.add(submitError, submit);
    }

    private void mark(String field, String text) {
        com.vaadin.flow.component.HasValidation target = fields.get(field);
        if (target == null) {
            formError.setText(text);
            return;
        }
        target.setErrorMessage(text);
        target.setInvalid(true);
    }

    private void clearErrors() {
        fields.values().forEach(f -> f.setInvalid(false));
        formError.setText("");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("representative.form.title") + " · " + getTranslation("applicant.header.portal");
    }
}
