package org.reviewdesk.namechange;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.HashMap;
import java.util.Map;
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
    private final Binder<RenameFormBean> binder = new Binder<>(RenameFormBean.class);
    private final RenameFormBean bean = new RenameFormBean();
    private final Map<String, HasValidation> fields = new HashMap<>();
    private final TextField mobileCode = new TextField();
    private final Div typeRule = new Div();
    private final Div formError = new Div();
    private final Div form = new Div();
    private final LicenceUpload licence;
    private final Span licenceName = new Span();
    private String proofId;

    public RenameFormView(NameChanges changes, MobileProofs proofs, DocumentUploadFields uploads) {
        this.changes = changes;
        this.proofs = proofs;
        this.licence = new LicenceUpload(uploads.maxBytes());
        setId("rename-form-view");
        main.add(new H1(getTranslation("namechange.form.title")), new Paragraph(getTranslation("namechange.form.intro")));
        buildForm();
        main.add(form);
    }

    private void buildForm() {
        TextField uscc = text("uscc", "namechange.form.uscc");
        binder.forField(uscc).bind(RenameFormBean::getUscc, RenameFormBean::setUscc);
        uscc.addValueChangeListener(e -> checkType(e.getValue()));
        TextField newName = text("newName", "namechange.form.newName");
        binder.forField(newName).bind(RenameFormBean::getNewName, RenameFormBean::setNewName);
        TextField applicantName = text("applicantName", "namechange.form.applicantName");
        binder.forField(applicantName).bind(RenameFormBean::getApplicantName, RenameFormBean::setApplicantName);
        TextField mobile = text("applicantMobile", "namechange.form.applicantMobile");
        binder.forField(mobile).bind(RenameFormBean::getApplicantMobile, RenameFormBean::setApplicantMobile);
        binder.setBean(bean);

        typeRule.setId("type-rule");
        typeRule.addClassName("applicant-error");
        typeRule.setVisible(false);

        mobileCode.setLabel(getTranslation("namechange.form.mobileCode"));
        mobileCode.setId("mobileCode");
        fields.put("mobileCode", mobileCode);
        Button send = new Button(getTranslation("namechange.form.sendCode"), e -> sendCode());
        send.setId("send-code");
        Div codeRow = new Div(mobileCode, send);
        codeRow.addClassName("applicant-code-row");

        Span licenceLabel = new Span(getTranslation("namechange.form.licence"));
        licence.setId("licence");
        licence.addSucceededListener(e -> licenceName.setText(getTranslation("namechange.form.licenceReceived", licence.fileName())));
        licenceName.setId("licence-name");
        Div licenceRow = new Div(licenceLabel, licence, licenceName);
        licenceRow.addClassName("applicant-licence");

        Button submit = new Button(getTranslation("namechange.form.submit"), e -> submit());
        submit.setId("submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        formError.setId("form-error");
        formError.addClassName("applicant-error");
        form.add(uscc, typeRule, newName, applicantName, mobile, codeRow, licenceRow, formError, submit);
        form.addClassName("applicant-form");
    }

    /** A code of another legal-person type: the portal's rule and the way to deregister, at once. */
    private void checkType(String uscc) {
        typeRule.removeAll();
        typeRule.setVisible(false);
        try {
            changes.requireEnterprise(uscc);
        } catch (UserFacingException refused) {
            showTypeRule(refused);
        }
    }

    private void showTypeRule(UserFacingException refused) {
        typeRule.removeAll();
        Anchor change = new Anchor(CHANGE_ROUTE, getTranslation("namechange.form.changeLink"));
        change.setId("change-link");
        typeRule.add(new Paragraph(translate(refused)), change);
        typeRule.setVisible(true);
    }

    private String translate(UserFacingException e) {
        Object[] arguments = e.arguments().clone();
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] instanceof String key && key.startsWith("rules.legalPersonType.")) {
                arguments[i] = getTranslation(key);
            }
        }
        return getTranslation(e.messageKey(), arguments);
    }

    private void sendCode() {
        clearErrors();
        try {
            MobileProofs.Requested sent = proofs.request(bean.getApplicantMobile(), getLocale(), clientAddress());
            proofId = sent.proofId();
            mobileCode.setHelperText(getTranslation("namechange.form.codeSent", sent.mobileMasked()));
        } catch (MobileProofRefused refused) {
            mark("applicantMobile", getTranslation(refused.rule().key(), refused.rule().argumentArray()));
        } catch (UserFacingException e) {
            mark("mobileCode", getTranslation(e.messageKey(), e.arguments()));
        }
    }

    private void submit() {
        clearErrors();
        try {
            NameChangeStarted started = changes.apply(bean.toRequest(), new MobileProof(proofId, mobileCode.getValue()),
                    licence.licence().orElse(null), getLocale());
            showStarted(started);
        } catch (NameChangeRefused refused) {
            refused.errors().forEach(e -> mark(e.field(), getTranslation(e.message().key(), e.message().argumentArray())));
        } catch (UserFacingException e) {
            if ("namechange.start.reRegister".equals(e.messageKey())) {
                showTypeRule(e);
            } else {
                formError.setText(translate(e));
            }
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

    private TextField text(String id, String labelKey) {
        TextField field = new TextField(getTranslation(labelKey));
        field.setId(id);
        field.setWidthFull();
        fields.put(id, field);
        return field;
    }

    private void mark(String field, String text) {
        HasValidation target = fields.get(field);
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
        return getTranslation("namechange.form.title") + " · " + getTranslation("applicant.header.portal");
    }
}
