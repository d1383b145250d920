package org.reviewdesk.representative;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.reviewdesk.applicants.MobileProof;
import org.reviewdesk.applicants.MobileProofs;
import org.reviewdesk.documents.intake.DocumentUploadField;
import org.reviewdesk.documents.intake.DocumentUploadFields;
import org.reviewdesk.platform.UserFacingException;

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
    private final ChangeForm changeForm;
    private final TextField mobileCode = new TextField();
    private final Div form = new Div();
    private String proofId;

    public ChangeFormView(RepresentativeChanges changes, MobileProofs proofs, DocumentUploadFields uploads) {
        this.changes = changes;
        this.changeForm = new ChangeForm(changes);
        this.proofs = proofs;
        this.uploads = uploads;
        setId("change-form-view");
        main.add(new H1(getTranslation("representative.form.title")), new Paragraph(getTranslation("representative.form.intro")));
        mobileCode.setLabel(getTranslation("representative.form.mobileCode"));
        mobileCode.setId("mobileCode");
        Button send = new Button(getTranslation("representative.form.sendCode"), e -> sendCode());
        send.setId("send-code");
        Div codeRow = new Div(mobileCode, send);
        codeRow.addClassName("applicant-code-row");
        changeForm.addField("mobileCode", codeRow, mobileCode);
        Button start = new Button(getTranslation("representative.form.start"), e -> start());
        start.setId("start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        form.add(changeForm, start);
        main.add(form);
    }

    /**
     * {@code ?reason=NAME_CHANGED} (the name-change page sends non-企业 bodies here) and {@code ?uscc=}
     * preselect the form; anything unknown is ignored.
     */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        changeForm.preset(event.getLocation().getQueryParameters().getParameters());
    }

    private void sendCode() {
        changeForm.clearErrors();
        try {
            MobileProofs.Requested sent = proofs.request(changeForm.bean().contactMobile(), getLocale(), clientAddress());
            proofId = sent.proofId();
            mobileCode.setHelperText(getTranslation("registration.mobileProof.sent", sent.mobileMasked()));
        } catch (UserFacingException e) {
            changeForm.mark("mobileCode", getTranslation(e.messageKey(), e.arguments()));
        }
    }

    private void start() {
        changeForm.clearErrors();
        try {
            ChangeStarted started = changes.startOnline(changeForm.bean().toRequest(), new MobileProof(proofId, mobileCode.getValue()),
                    getLocale());
            showStarted(started);
        } catch (UserFacingException refused) {
            changeForm.show(refused);
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

    @Override
    public String getPageTitle() {
        return getTranslation("representative.form.title") + " · " + getTranslation("applicant.header.portal");
    }
}
