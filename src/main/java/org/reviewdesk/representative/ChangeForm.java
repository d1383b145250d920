package org.reviewdesk.representative;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.reviewdesk.applicants.ApplicantForm;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.rules.IdType;

/**
 * The fields that start a legal-representative change, bound to a {@link ChangeFormBean}: the code,
 * the reason (its text when OTHER), the new representative, the agent when one applies. The public
 * page {@code /change} and the window clerk's start page both use it; the service's refusals show at
 * their fields ({@link #show(UserFacingException)}).
 */
class ChangeForm extends ApplicantForm {

    private final Binder<ChangeFormBean> binder = new Binder<>(ChangeFormBean.class);
    private final ChangeFormBean bean = new ChangeFormBean();

    /** @param changes whose rules check each field as it changes */
    ChangeForm(RepresentativeChanges changes) {
        TextField uscc = text("uscc", "representative.form.uscc");
        binder.forField(uscc).bind(ChangeFormBean::getUscc, ChangeFormBean::setUscc);
        Select<ChangeReason> reason = new Select<>();
        reason.setLabel(getTranslation("representative.form.reason"));
        reason.setItems(ChangeReason.values());
        reason.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
        reason.setWidthFull();
        named("reason", reason);
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
        validateOnChange(binder, () -> {
            try {
                changes.validate(bean.toRequest());
                return Map.of();
            } catch (ChangeRefused refused) {
                return byField(refused.errors(), ChangeRefused.FieldError::field, ChangeRefused.FieldError::message);
            }
        });
        add(uscc, reason, reasonText, name, idType, idNumber, mobile, agent, agentFields);
        add(tail());
    }

    ChangeFormBean bean() {
        return bean;
    }

    /**
     * {@code ?reason=NAME_CHANGED} and {@code ?uscc=} preselect the form; anything unknown is ignored.
     */
    @SuppressWarnings("unchecked")
    void preset(Map<String, List<String>> query) {
        query.getOrDefault("reason", List.of()).stream().findFirst()
                .flatMap(value -> Arrays.stream(ChangeReason.values()).filter(r -> r.name().equals(value)).findFirst())
                .ifPresent(r -> ((Select<ChangeReason>) field("reason")).setValue(r));
        presetUscc(query);
    }

    /** The service's refusal: each rule broken at its field, anything else above the button. */
    void show(UserFacingException refused) {
        if (refused instanceof ChangeRefused byField) {
            byField.errors().forEach(e -> mark(e.field(), getTranslation(e.message().key(), e.message().argumentArray())));
        } else {
            formError(getTranslation(refused.messageKey(), refused.arguments()));
        }
    }

    private Select<IdType> idType(String id) {
        return idType(id, "representative.form.idType");
    }
}
