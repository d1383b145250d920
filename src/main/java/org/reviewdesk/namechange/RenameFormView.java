package org.reviewdesk.namechange;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.reviewdesk.applicants.MobileProof;
import org.reviewdesk.applicants.MobileProofRefused;
import org.reviewdesk.applicants.MobileProofs;
import org.reviewdesk.documents.intake.DocumentUploadFields;
import org.reviewdesk.platform.UserFacingException;

/**
 * {@code /rename}: a 企业 whose name changed asks for its account to carry the new name: the credit
 * code, the new name, the applicant with the mobile proven by an SMS code, and the new licence; then
 * the number and access code (shown once). For 机关, 事业单位, 社会团体 and 个体工商户 the page says
 * the portal's rule (deregister and register again) as soon as the code is typed, and offers the
 * deregistration route ({@code /change}, reason "name changed"). Every rule is the service's.
 */
@Route(value = "rename", autoLayout = false)
@AnonymousAllowed
public class RenameFormView extends RenamePage {

    /** Process 2's public page, with the reason this page sends people there for. */
    static final String CHANGE_ROUTE = "change?reason=NAME_CHANGED";

    private final NameChanges changes;
    private final MobileProofs proofs;
    private final RenameForm renameForm;
    private final TextField mobileCode = new TextField();
    private final Div form = new Div();
    private final LicenceUpload licence;
    private final Span licenceName = new Span();
    private String proofId;

    public RenameFormView(NameChanges changes, MobileProofs proofs, DocumentUploadFields uploads) {
        this.changes = changes;
        this.proofs = proofs;
        this.renameForm = new RenameForm(changes, false, CHANGE_ROUTE);
        this.licence = new LicenceUpload(uploads.maxBytes());
        setId("rename-form-view");
        main.add(new H1(getTranslation("namechange.form.title")), new Paragraph(getTranslation("namechange.form.intro")));
        buildForm();
        main.add(form);
    }

    private void buildForm() {
        mobileCode.setLabel(getTranslation("namechange.form.mobileCode"));
        mobileCode.setId("mobileCode");
        Button send = new Button(getTranslation("namechange.form.sendCode"), e -> sendCode());
        send.setId("send-code");
        Div codeRow = new Div(mobileCode, send);
        codeRow.addClassName("applicant-code-row");
        renameForm.addField("mobileCode", codeRow, mobileCode);

        Span licenceLabel = new Span(getTranslation("namechange.form.licence"));
        licence.setId("licence");
        licence.addSucceededListener(e -> licenceName.setText(getTranslation("namechange.form.licenceReceived", licence.fileName())));
        licenceName.setId("licence-name");
        Div licenceRow = new Div(licenceLabel, licence, licenceName);
        licenceRow.addClassName("applicant-licence");
        renameForm.addField("licence", licenceRow, null);

        Button submit = new Button(getTranslation("namechange.form.submit"), e -> submit());
        submit.setId("submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        form.add(renameForm, submit);
    }

    private void sendCode() {
        renameForm.clearErrors();
        try {
            MobileProofs.Requested sent = proofs.request(renameForm.bean().getApplicantMobile(), getLocale(), clientAddress());
            proofId = sent.proofId();
            mobileCode.setHelperText(getTranslation("namechange.form.codeSent", sent.mobileMasked()));
        } catch (MobileProofRefused refused) {
            renameForm.mark("applicantMobile", getTranslation(refused.rule().key(), refused.rule().argumentArray()));
        } catch (UserFacingException e) {
            renameForm.mark("mobileCode", getTranslation(e.messageKey(), e.arguments()));
        }
    }

    private void submit() {
        renameForm.clearErrors();
        try {
            NameChangeStarted started = changes.apply(renameForm.bean().toRequest(), new MobileProof(proofId, mobileCode.getValue()),
                    licence.licence().orElse(null), getLocale());
            showStarted(started);
        } catch (NameChangeRefused refused) {
            renameForm.show(refused);
        } catch (UserFacingException e) {
            renameForm.show(e);
            licence.clear();
            licenceName.setText("");
        }
    }

    /** The number and the code, shown only now. */
    private void showStarted(NameChangeStarted started) {
        form.removeAll();
        Div codes = new Div(row("namechange.status.number", started.number()), row("namechange.status.accessCode", started.accessCode()));
        codes.setId("started");
        codes.addClassName("applicant-summary");
        Paragraph done = new Paragraph(getTranslation("namechange.form.submitted", started.number(), started.accessCode()));
        done.setId("submitted");
        form.add(new H2(getTranslation("namechange.form.title")), codes, done,
                new RouterLink(getTranslation("namechange.form.statusLink"), RenameStatusView.class));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("namechange.form.title") + " · " + getTranslation("applicant.header.portal");
    }
}
