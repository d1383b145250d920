package org.reviewdesk.namechange;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import java.util.List;
import java.util.Map;
import org.reviewdesk.applicants.ApplicantForm;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.rules.IdType;

/**
 * The fields that start a name change, bound to a {@link RenameFormBean}: the code (a code of another
 * legal-person type shows the portal's rule at once, with the way to process 2), the new name, the
 * applicant and the mobile; at the window also the applicant's ID document, which the clerk checks in
 * person. The public page {@code /rename} and the window clerk's start page both use it; the
 * service's refusals show at their fields ({@link #show(UserFacingException)}).
 */
class RenameForm extends ApplicantForm {

    private final NameChanges changes;
    private final String otherTypesRoute;
    private final Binder<RenameFormBean> binder = new Binder<>(RenameFormBean.class);
    private final RenameFormBean bean = new RenameFormBean();
    private final Div typeRule = new Div();

    /**
     * @param inPerson whether the applicant stands at the window: the form asks for their ID document
     * @param otherTypesRoute where a non-企业 is sent: process 2's page with the reason "name changed"
     */
    RenameForm(NameChanges changes, boolean inPerson, String otherTypesRoute) {
        this.changes = changes;
        this.otherTypesRoute = otherTypesRoute;
        TextField uscc = text("uscc", "namechange.form.uscc");
        binder.forField(uscc).bind(RenameFormBean::getUscc, RenameFormBean::setUscc);
        uscc.addValueChangeListener(e -> checkType(e.getValue()));
        TextField newName = text("newName", "namechange.form.newName");
        binder.forField(newName).bind(RenameFormBean::getNewName, RenameFormBean::setNewName);
        TextField applicantName = text("applicantName", "namechange.form.applicantName");
        binder.forField(applicantName).bind(RenameFormBean::getApplicantName, RenameFormBean::setApplicantName);
        TextField mobile = text("applicantMobile", "namechange.form.applicantMobile");
        binder.forField(mobile).bind(RenameFormBean::getApplicantMobile, RenameFormBean::setApplicantMobile);
        typeRule.setId("type-rule");
        typeRule.addClassName("applicant-error");
        typeRule.setVisible(false);
        add(uscc, typeRule, newName, applicantName);
        if (inPerson) {
            Select<IdType> idType = idType("applicantIdType", "namechange.form.applicantIdType");
            binder.forField(idType).bind(RenameFormBean::getApplicantIdType, RenameFormBean::setApplicantIdType);
            TextField idNumber = text("applicantIdNumber", "namechange.form.applicantIdNumber");
            idNumber.setHelperText(getTranslation("namechange.form.applicantIdHelper"));
            binder.forField(idNumber).bind(RenameFormBean::getApplicantIdNumber, RenameFormBean::setApplicantIdNumber);
            add(idType, idNumber);
        }
        binder.setBean(bean);
        validateOnChange(binder, () -> {
            try {
                changes.validate(bean.toRequest(), inPerson);
                return Map.of();
            } catch (NameChangeRefused refused) {
                return byField(refused.errors(), NameChangeRefused.FieldError::field, NameChangeRefused.FieldError::message);
            }
        });
        add(mobile);
        add(tail());
    }

    RenameFormBean bean() {
        return bean;
    }

    /** {@code ?uscc=} prefills the code; anything else is ignored. */
    void preset(Map<String, List<String>> query) {
        presetUscc(query);
    }

    /** The service's refusal: each rule broken at its field, the portal's rule for other types, anything else above the button. */
    void show(UserFacingException refused) {
        if ("namechange.start.reRegister".equals(refused.messageKey())) {
            showTypeRule(refused);
        } else {
            formError(translate(refused));
        }
    }

    void show(NameChangeRefused refused) {
        refused.errors().forEach(e -> mark(e.field(), getTranslation(e.message().key(), e.message().argumentArray())));
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
        Anchor change = new Anchor(otherTypesRoute, getTranslation("namechange.form.changeLink"));
        change.setId("change-link");
        typeRule.add(new Paragraph(translate(refused)), change);
        typeRule.setVisible(true);
    }

    /** The message, with a legal-person type's key among its arguments translated too. */
    private String translate(UserFacingException e) {
        Object[] arguments = e.arguments().clone();
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] instanceof String key && key.startsWith("rules.legalPersonType.")) {
                arguments[i] = getTranslation(key);
            }
        }
        return getTranslation(e.messageKey(), arguments);
    }
}
