package org.reviewdesk.registration;

import org.reviewdesk.applicants.MobileProofs;
import org.reviewdesk.applicants.MobileProof;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;

/**
 * The form's first step: the legal person, its representative, the agent (经办人) if any and the
 * contact, bound to one {@link ApplicantFormBean} by Vaadin's {@link Binder}; the documents the type
 * needs as a checklist; the service's rules checked as the applicant types ({@link #recheck}) and the
 * code's own messages at once ({@link #checkCode}). The contact mobile is proven with an SMS code
 * ({@link MobileProofs}) before the draft is created.
 */
class ApplicantDetailsStep extends Div {

    private final RegistrationService registrations;
    /** The form's fields by the service's names, shared with the view that marks errors at them. */
    private final Map<FormField, HasValidation> fields;
    /** Puts a service error at its field (the view's, which knows every step). */
    private final Consumer<FieldError> mark;
    private final RadioButtonGroup<LegalPersonType> type = new RadioButtonGroup<>();
    private final TextField name = new TextField();
    private final TextField uscc = new TextField();
    private final Checkbox usccConfirmed = new Checkbox();
    private final TextField representativeName = new TextField();
    private final Select<IdType> representativeIdType = new Select<>();
    private final TextField representativeIdNumber = new TextField();
    private final TextField representativeMobile = new TextField();
    private final Checkbox agentApplies = new Checkbox();
    private final TextField agentName = new TextField();
    private final Select<IdType> agentIdType = new Select<>();
    private final TextField agentIdNumber = new TextField();
    private final TextField agentMobile = new TextField();
    private final TextField contactMobile = new TextField();
    private final TextField contactEmail = new TextField();
    private final Button sendCode = new Button();
    private final TextField mobileCode = new TextField();
    private final Span codeSent = new Span();
    private String proofId;
    /** The form's fields bound to one bean: each change lands in it, and the service checks it as a whole. */
    private final Binder<ApplicantFormBean> binder = new Binder<>();
    private final UnorderedList checklist = new UnorderedList();
    private final Div agentSection = new Div();
    private ApplicantFormBean bean = new ApplicantFormBean();

    private final MobileProofs proofs;
    private final Supplier<String> clientAddress;

    ApplicantDetailsStep(RegistrationService registrations, MobileProofs proofs, Supplier<String> clientAddress,
                         Map<FormField, HasValidation> fields, Consumer<FieldError> mark) {
        this.registrations = registrations;
        this.proofs = proofs;
        this.clientAddress = clientAddress;
        this.fields = fields;
        this.mark = mark;
        addClassName("applicant-details");
        type.setItems(ApplicantForms.SUPPORTED_TYPES);
        type.setItemLabelGenerator(t -> getTranslation(t.messageKey()));
        type.addClassName("applicant-type");
        field(type, FormField.LEGAL_PERSON_TYPE, "applicant.field.type", null);
        type.addValueChangeListener(e -> {
            updateChecklist();
            if (!uscc.isEmpty()) {
                checkCode();
            }
        });
        field(name, FormField.NAME, "applicant.field.name", "applicant.field.name.helper");
        field(uscc, FormField.USCC, "applicant.field.uscc", "applicant.field.uscc.helper");
        uscc.setMaxLength(30);
        uscc.addValueChangeListener(e -> {
            usccConfirmed.setValue(false);
            usccConfirmed.setVisible(false);
            checkCode();
        });
        usccConfirmed.setLabel(getTranslation("rules.uscc.confirmMatchesCertificate"));
        usccConfirmed.setId("apply-usccConfirmed");
        usccConfirmed.setManualValidation(true);
        usccConfirmed.setVisible(false);
        fields.put(FormField.USCC_CONFIRMED, usccConfirmed);

        idTypes(representativeIdType);
        field(representativeName, FormField.REPRESENTATIVE_NAME, "applicant.field.personName", null);
        field(representativeIdType, FormField.REPRESENTATIVE_ID_TYPE, "applicant.field.idType", null);
        field(representativeIdNumber, FormField.REPRESENTATIVE_ID_NUMBER, "applicant.field.idNumber", "applicant.field.idNumber.helper");
        field(representativeMobile, FormField.REPRESENTATIVE_MOBILE, "applicant.field.mobile", null);

        agentApplies.setLabel(getTranslation("applicant.field.agentApplies"));
        agentApplies.setId("apply-agentApplies");
        agentApplies.addValueChangeListener(e -> {
            agentSection.setVisible(e.getValue());
            updateChecklist();
        });
        idTypes(agentIdType);
        field(agentName, FormField.AGENT_NAME, "applicant.field.personName", null);
        field(agentIdType, FormField.AGENT_ID_TYPE, "applicant.field.idType", null);
        field(agentIdNumber, FormField.AGENT_ID_NUMBER, "applicant.field.idNumber", "applicant.field.idNumber.helper");
        field(agentMobile, FormField.AGENT_MOBILE, "applicant.field.mobile", null);
        Paragraph agentHint = new Paragraph(getTranslation("applicant.section.agent.hint"));
        agentHint.addClassName("applicant-hint");
        agentSection.add(agentHint, columns(agentName, agentIdType, agentIdNumber, agentMobile));
        agentSection.addClassName("applicant-agent");
        agentSection.setVisible(false);

        field(contactMobile, FormField.CONTACT_MOBILE, "applicant.field.contactMobile", "applicant.field.contactMobile.helper");
        field(contactEmail, FormField.CONTACT_EMAIL, "applicant.field.contactEmail", "applicant.field.contactEmail.helper");

        checklist.addClassName("applicant-checklist__items");
        checklist.setId("apply-checklist");
        Div checklistBox = new Div(new Span(getTranslation("applicant.checklist.title")), checklist);
        checklistBox.addClassName("applicant-checklist");
        updateChecklist();

        Div legalPerson = group("applicant.section.legalPerson", type, columns(name, uscc), usccConfirmed);
        Div representative = group("applicant.section.representative",
                columns(representativeName, representativeIdType, representativeIdNumber, representativeMobile));
        Div agent = group("applicant.section.agent", agentApplies, agentSection);
        field(mobileCode, FormField.MOBILE_CODE, "applicant.field.mobileCode", "applicant.field.mobileCode.helper");
        mobileCode.setMaxLength(6);
        mobileCode.setAllowedCharPattern("[0-9]");
        sendCode.setText(getTranslation("applicant.action.sendCode"));
        sendCode.setId("apply-sendCode");
        sendCode.addClickListener(e -> sendCode());
        codeSent.setId("apply-codeSent");
        codeSent.addClassName("applicant-hint");
        mobileCode.setWidth("14em");
        Div codeRow = new Div(mobileCode, sendCode);
        codeRow.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("align-items", "baseline")
                .set("gap", "var(--lumo-space-m)");
        Div proof = new Div(codeRow, codeSent);
        proof.addClassName("applicant-mobile-proof");
        Div contact = group("applicant.section.contact", columns(contactMobile, contactEmail), proof);
        bind();
        add(legalPerson, representative, agent, contact, checklistBox);
    }

    private void bind() {
        binder.forField(type).bind(ApplicantFormBean::getLegalPersonType, ApplicantFormBean::setLegalPersonType);
        binder.forField(name).bind(ApplicantFormBean::getName, ApplicantFormBean::setName);
        binder.forField(uscc).bind(ApplicantFormBean::getUscc, ApplicantFormBean::setUscc);
        binder.forField(usccConfirmed).bind(ApplicantFormBean::getUsccConfirmed, ApplicantFormBean::setUsccConfirmed);
        binder.forField(representativeName).bind(ApplicantFormBean::getRepresentativeName, ApplicantFormBean::setRepresentativeName);
        binder.forField(representativeIdType).bind(ApplicantFormBean::getRepresentativeIdType, ApplicantFormBean::setRepresentativeIdType);
        binder.forField(representativeIdNumber)
                .bind(ApplicantFormBean::getRepresentativeIdNumber, ApplicantFormBean::setRepresentativeIdNumber);
        binder.forField(representativeMobile).bind(ApplicantFormBean::getRepresentativeMobile, ApplicantFormBean::setRepresentativeMobile);
        binder.forField(agentApplies).bind(ApplicantFormBean::getAgentApplies, ApplicantFormBean::setAgentApplies);
        binder.forField(agentName).bind(ApplicantFormBean::getAgentName, ApplicantFormBean::setAgentName);
        binder.forField(agentIdType).bind(ApplicantFormBean::getAgentIdType, ApplicantFormBean::setAgentIdType);
        binder.forField(agentIdNumber).bind(ApplicantFormBean::getAgentIdNumber, ApplicantFormBean::setAgentIdNumber);
        binder.forField(agentMobile).bind(ApplicantFormBean::getAgentMobile, ApplicantFormBean::setAgentMobile);
        binder.forField(contactMobile).bind(ApplicantFormBean::getContactMobile, ApplicantFormBean::setContactMobile);
        binder.forField(contactEmail).bind(ApplicantFormBean::getContactEmail, ApplicantFormBean::setContactEmail);
        binder.setBean(bean);
        binder.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                recheck(e.getHasValue());
            }
        });
    }

    /**
     * Validation on change: a field the applicant changed is checked again by the service's rules, so an
     * error goes as soon as the field is corrected (and a wrong value shows at once); an empty field is
     * reported as missing only when the step is left. The code has its own check ({@link #checkCode}).
     */
    private void recheck(HasValue<?, ?> changed) {
        fields.forEach((field, shown) -> {
            if (shown != changed || field == FormField.USCC || field == FormField.USCC_CONFIRMED || field == FormField.MOBILE_CODE) {
                return;
            }
            if (!shown.isInvalid() && changed.isEmpty()) {
                return;
            }
            shown.setInvalid(false);
            shown.setErrorMessage(null);
            registrations.validate(form()).stream().filter(error -> error.field() == field).findFirst().ifPresent(mark);
        });
    }

    private void idTypes(Select<IdType> select) {
        select.setItems(IdType.values());
        select.setItemLabelGenerator(t -> getTranslation(t.messageKey()));
        select.setValue(IdType.RESIDENT_ID);
    }

    private void field(Component component, FormField formField, String labelKey, String helperKey) {
        component.getElement().setProperty("label", getTranslation(labelKey));
        if (helperKey != null) {
            component.getElement().setProperty("helperText", getTranslation(helperKey));
        }
        component.setId("apply-" + formField.jsonName());
        if (component instanceof TextField text) {
            text.setManualValidation(true);
            text.setClearButtonVisible(false);
        } else if (component instanceof Select<?> select) {
            select.setManualValidation(true);
        } else if (component instanceof RadioButtonGroup<?> radio) {
            radio.setManualValidation(true);
        }
        fields.put(formField, (HasValidation) component);
    }

    /** The service's list for the chosen type and agent, as the applicant prepares it. */
    private void updateChecklist() {
        checklist.removeAll();
        List<String> slots = registrations.requiredSlots(type.getValue(), agentApplies.getValue());
        if (slots.isEmpty()) {
            checklist.add(new ListItem(getTranslation("applicant.checklist.chooseType")));
        }
        slots.forEach(slot -> {
            ListItem item = new ListItem(getTranslation(RegistrationService.slotKey(slot)));
            item.getElement().setAttribute("data-slot", slot);
            checklist.add(item);
        });
    }

    /** The code's own messages as soon as it is typed (Sichuan, active account, check character). */
    private void checkCode() {
        if (uscc.isEmpty()) {
            return;
        }
        List<FieldError> errors = registrations.validate(form()).stream()
                .filter(e -> e.field() == FormField.USCC || e.field() == FormField.USCC_CONFIRMED).toList();
        for (FormField f : List.of(FormField.USCC, FormField.USCC_CONFIRMED)) {
            fields.get(f).setInvalid(false);
            fields.get(f).setErrorMessage(null);
        }
        errors.forEach(mark);
    }

    /** Sends an SMS code to the contact mobile; the draft is created with it when the step is left. */
    private void sendCode() {
        fields.get(FormField.CONTACT_MOBILE).setInvalid(false);
        fields.get(FormField.MOBILE_CODE).setInvalid(false);
        try {
            MobileProofs.Requested sent = registrations.requestMobileCode(contactMobile.getValue(), getLocale(), clientAddress.get());
            proofId = sent.proofId();
            codeSent.setText(getTranslation("registration.mobileProof.sent", sent.mobileMasked()));
            mobileCode.clear();
            mobileCode.focus();
        } catch (FormRefusedException refused) {
            refused.errors().forEach(mark);
        } catch (UserFacingException e) {
            mark.accept(FieldError.of(FormField.MOBILE_CODE, e.messageKey(), e.arguments()));
        }
    }

    /** The proof of the contact mobile as entered (an empty id when no code was asked for). */
    MobileProof proof() {
        return new MobileProof(proofId, mobileCode.getValue());
    }

    /** A draft exists: its mobile was proven, and the proof's fields have nothing more to do. */
    void mobileProven() {
        mobileCode.setVisible(false);
        sendCode.setVisible(false);
        codeSent.setText(getTranslation("applicant.field.mobileCode.proven"));
    }

    /** The form as the applicant filled it in. */
    ApplicantForm form() {
        // the fields' own listeners may run before the binder has written their new value
        binder.writeBeanAsDraft(bean, true);
        return bean.toForm(usccConfirmed.isVisible());
    }

    /** Shows a saved draft's form. */
    /**
     * Fills what a link brought (the invitation to register again after a deregistration): the code,
     * name, type and representative; the applicant checks them and completes the rest.
     */
    void prefill(String uscc, String name, LegalPersonType type, String representativeName) {
        // through the fields, in this order: the type's listener re-reads the form while fields change
        if (type != null) {
            this.type.setValue(type);
        }
        if (uscc != null) {
            this.uscc.setValue(uscc.strip().toUpperCase(java.util.Locale.ROOT));
        }
        if (name != null) {
            this.name.setValue(name.strip());
        }
        if (representativeName != null) {
            this.representativeName.setValue(representativeName.strip());
        }
    }

    void fill(ApplicantForm form) {
        bean = ApplicantFormBean.of(form);
        binder.setBean(bean);
        // setting the code hides its confirmation (a new code must be confirmed anew): a saved confirmation stays
        if (form.usccConfirmed()) {
            usccConfirmed.setVisible(true);
            usccConfirmed.setValue(true);
        }
    }

    /** An empty form with only the code filled in (the window opened the form for a walk-in applicant). */
    void startWithCode(String code) {
        bean = new ApplicantFormBean();
        bean.setUscc(code);
        binder.setBean(bean);
        usccConfirmed.setValue(false);
        usccConfirmed.setVisible(false);
    }

    /** Shows the code's confirmation, when an error asks for it. */
    void askForConfirmation() {
        usccConfirmed.setVisible(true);
    }

    private Div group(String titleKey, Component... content) {
        H2 title = new H2(getTranslation(titleKey));
        Div group = new Div(title);
        group.add(content);
        group.addClassName("applicant-card");
        return group;
    }

    static FormLayout columns(Component... components) {
        FormLayout layout = new FormLayout(components);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("34em", 2));
        return layout;
    }
}
