package org.reviewdesk.hotline;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Consumer;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.representative.ChangeReason;
import org.reviewdesk.representative.ChangeRequest;
import org.reviewdesk.rules.IdNumberValidator;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.MobileCheck;
import org.reviewdesk.rules.MobileNumberValidator;
import org.reviewdesk.rules.UsccCheck;
import org.reviewdesk.rules.UsccValidator;
import org.springframework.security.access.AccessDeniedException;

/**
 * 受理: the agent records a call as a work order. The case screen opens it with what it already knows
 * (the caller's mobile, the organisation's code); {@code onTaken} gets the new number, which the agent
 * reads out (the caller also gets it by SMS). "Legal representative unreachable" asks for the new
 * representative too and starts process 2 for the caller; "account or password recovery" reminds the
 * agent of the portal's self-service routes first.
 */
public class WorkOrderIntakeDialog extends Dialog {

    /** The form's bean, bound by {@link Binder}. */
    public static class Form {
        private String callerName = "";
        private String callerMobile = "";
        private WorkOrderCategory category = WorkOrderCategory.ENQUIRY;
        private IntakeChannel channel = IntakeChannel.PHONE;
        private String description = "";
        private String uscc = "";
        private String linkedRef = "";
        private String representativeName = "";
        private IdType representativeIdType = IdType.RESIDENT_ID;
        private String representativeIdNumber = "";
        private String representativeMobile = "";

        public String getCallerName() { return callerName; }
        public void setCallerName(String v) { callerName = v; }
        public String getCallerMobile() { return callerMobile; }
        public void setCallerMobile(String v) { callerMobile = v; }
        public WorkOrderCategory getCategory() { return category; }
        public void setCategory(WorkOrderCategory v) { category = v; }
        public IntakeChannel getChannel() { return channel; }
        public void setChannel(IntakeChannel v) { channel = v; }
        public String getDescription() { return description; }
        public void setDescription(String v) { description = v; }
        public String getUscc() { return uscc; }
        public void setUscc(String v) { uscc = v; }
        public String getLinkedRef() { return linkedRef; }
        public void setLinkedRef(String v) { linkedRef = v; }
        public String getRepresentativeName() { return representativeName; }
        public void setRepresentativeName(String v) { representativeName = v; }
        public IdType getRepresentativeIdType() { return representativeIdType; }
        public void setRepresentativeIdType(IdType v) { representativeIdType = v; }
        public String getRepresentativeIdNumber() { return representativeIdNumber; }
        public void setRepresentativeIdNumber(String v) { representativeIdNumber = v; }
        public String getRepresentativeMobile() { return representativeMobile; }
        public void setRepresentativeMobile(String v) { representativeMobile = v; }

        WorkOrderRequest request() {
            return new WorkOrderRequest(callerName, callerMobile, category, description, uscc, linkedRef, channel);
        }

        ChangeRequest change() {
            return ChangeRequest.byRepresentative(uscc, ChangeReason.REPRESENTATIVE_CHANGED, null, representativeName,
                    representativeIdType, representativeIdNumber, representativeMobile);
        }
    }

    private final Binder<Form> binder = new Binder<>(Form.class);
    private final Form form = new Form();
    private final Paragraph error = new Paragraph();

    /**
     * @param callerMobile the mobile the agent searched for, or null
     * @param uscc the organisation on screen, or null
     */
    public WorkOrderIntakeDialog(WorkOrders orders, CurrentUser agent, String callerMobile, String uscc, Consumer<String> onTaken) {
        setId("workorder-intake");
        setHeaderTitle(getTranslation("workorders.intake.title"));
        form.setCallerMobile(callerMobile == null ? "" : callerMobile);
        form.setUscc(uscc == null ? "" : uscc);

        TextField name = new TextField(getTranslation("workorders.field.callerName"));
        name.setId("intake-caller-name");
        TextField mobile = new TextField(getTranslation("workorders.field.callerMobile"));
        mobile.setId("intake-caller-mobile");
        ComboBox<WorkOrderCategory> category = new ComboBox<>(getTranslation("workorders.field.category"));
        category.setId("intake-category");
        category.setItems(WorkOrderCategory.values());
        category.setItemLabelGenerator(c -> getTranslation(c.messageKey()));
        ComboBox<IntakeChannel> channel = new ComboBox<>(getTranslation("workorders.field.channel"));
        channel.setId("intake-channel");
        channel.setItems(IntakeChannel.values());
        channel.setItemLabelGenerator(c -> getTranslation(c.messageKey()));
        TextArea description = new TextArea(getTranslation("workorders.field.description"));
        description.setId("intake-description");
        TextField code = new TextField(getTranslation("workorders.field.uscc"));
        code.setId("intake-uscc");
        TextField linked = new TextField(getTranslation("workorders.field.linkedRef"));
        linked.setId("intake-linked-ref");
        TextField repName = new TextField(getTranslation("workorders.field.representativeName"));
        repName.setId("intake-representative-name");
        ComboBox<IdType> repIdType = new ComboBox<>(getTranslation("workorders.field.representativeIdType"));
        repIdType.setItems(IdType.values());
        TextField repId = new TextField(getTranslation("workorders.field.representativeIdNumber"));
        repId.setId("intake-representative-id");
        TextField repMobile = new TextField(getTranslation("workorders.field.representativeMobile"));
        repMobile.setId("intake-representative-mobile");
        Paragraph selfService = new Paragraph(getTranslation("workorders.intake.selfService"));
        selfService.setId("intake-self-service");

        // every rule says under its field what is wrong, as soon as the field changes and again on submit
        binder.forField(name).asRequired(getTranslation("workorders.form.callerName"))
                .withValidator(v -> v.strip().length() <= WorkOrders.NAME_MAX, getTranslation("workorders.form.callerName"))
                .bind(Form::getCallerName, Form::setCallerName);
        binder.forField(mobile).asRequired(getTranslation("workorders.form.callerMobile"))
                .withValidator(v -> MobileNumberValidator.check(v) instanceof MobileCheck.Accepted,
                        getTranslation("workorders.form.callerMobile"))
                .bind(Form::getCallerMobile, Form::setCallerMobile);
        binder.forField(category).asRequired(getTranslation("workorders.form.category"))
                .bind(Form::getCategory, Form::setCategory);
        binder.forField(channel).asRequired(getTranslation("workorders.form.channel"))
                .bind(Form::getChannel, Form::setChannel);
        binder.forField(description).asRequired(getTranslation("workorders.form.description", WorkOrders.TEXT_MAX))
                .withValidator(v -> v.strip().length() <= WorkOrders.TEXT_MAX,
                        getTranslation("workorders.form.description", WorkOrders.TEXT_MAX))
                .bind(Form::getDescription, Form::setDescription);
        Binder.Binding<Form, String> codeBinding = binder.forField(code)
                .withValidator(v -> v.isBlank() || UsccValidator.check(v) instanceof UsccCheck.Accepted,
                        getTranslation("workorders.form.uscc"))
                .withValidator(v -> !v.isBlank() || !representative(category),
                        getTranslation("workorders.form.usccForRepresentative"))
                .bind(Form::getUscc, Form::setUscc);
        binder.forField(linked)
                .withValidator(v -> v.isBlank() || WorkOrders.LINKED_REF.matcher(v.strip().toUpperCase(Locale.ROOT)).matches(),
                        getTranslation("workorders.form.linkedRef"))
                .bind(Form::getLinkedRef, Form::setLinkedRef);
        String required = getTranslation("workorders.form.fieldRequired");
        binder.forField(repName).withValidator(v -> !representative(category) || !v.isBlank(), required)
                .bind(Form::getRepresentativeName, Form::setRepresentativeName);
        binder.forField(repIdType).withValidator(v -> !representative(category) || v != null, required)
                .bind(Form::getRepresentativeIdType, Form::setRepresentativeIdType);
        binder.forField(repId)
                .withValidator(v -> !representative(category) || !v.isBlank(), required)
                .withValidator(v -> !representative(category) || v.isBlank() || repIdType.getValue() == null
                                || !IdNumberValidator.check(repIdType.getValue(), v, LocalDate.now()).isRefused(),
                        getTranslation("workorders.form.representativeIdNumber"))
                .bind(Form::getRepresentativeIdNumber, Form::setRepresentativeIdNumber);
        binder.forField(repMobile)
                .withValidator(v -> !representative(category) || MobileNumberValidator.check(v) instanceof MobileCheck.Accepted,
                        getTranslation("workorders.form.representativeMobile"))
                .bind(Form::getRepresentativeMobile, Form::setRepresentativeMobile);
        binder.readBean(form);

        Runnable categoryShown = () -> {
            boolean representative = category.getValue() == WorkOrderCategory.REPRESENTATIVE_UNREACHABLE;
            repName.setVisible(representative);
            repIdType.setVisible(representative);
            repId.setVisible(representative);
            repMobile.setVisible(representative);
            selfService.setVisible(category.getValue() == WorkOrderCategory.ACCOUNT_RECOVERY);
        };
        category.addValueChangeListener(e -> {
            categoryShown.run();
            if (representative(category) || code.isInvalid()) {
                codeBinding.validate();
            }
        });
        categoryShown.run();

        error.setId("intake-error");
        error.addClassName("form-error");
        error.setVisible(false);
        FormLayout layout = new FormLayout(name, mobile, category, channel, description, code, linked, selfService,
                repName, repIdType, repId, repMobile);
        add(layout, error);

        Button take = new Button(getTranslation("workorders.intake.submit"), e -> {
            if (!binder.writeBeanIfValid(form)) {
                error.setText(getTranslation("workorders.form.fix"));
                error.setVisible(true);
                return;
            }
            error.setVisible(false);
            try {
                String number = form.getCategory() == WorkOrderCategory.REPRESENTATIVE_UNREACHABLE
                        ? orders.intakeRepresentativeChange(form.request(), form.change(), agent, getLocale())
                        : orders.intake(form.request(), agent, getLocale());
                close();
                onTaken.accept(number);
            } catch (UserFacingException refused) {
                error.setText(getTranslation(refused.messageKey(), refused.arguments()));
                error.setVisible(true);
            } catch (AccessDeniedException denied) {
                error.setText(getTranslation("workorders.denied"));
                error.setVisible(true);
            }
        });
        take.setId("intake-submit");
        take.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("workorders.intake.cancel"), e -> close());
        getFooter().add(cancel, take);
    }

    private static boolean representative(ComboBox<WorkOrderCategory> category) {
        return category.getValue() == WorkOrderCategory.REPRESENTATIVE_UNREACHABLE;
    }
}
