package org.reviewdesk.hotline;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import java.util.function.Consumer;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.security.access.AccessDeniedException;

/**
 * 直接答复 when no order of this call is open: the caller's name, mobile and the category are all the
 * agent adds to the knowledge entry; Enter records the order with the entry and closes it at once
 * ({@link WorkOrders#answerOnTheCall}). {@code onAnswered} gets the number to read out.
 */
class DirectAnswerDialog extends Dialog {

    /** The form's bean, bound by {@link Binder}. */
    static class Form {
        private String callerName = "";
        private String callerMobile = "";
        private WorkOrderCategory category = WorkOrderCategory.ENQUIRY;

        public String getCallerName() { return callerName; }
        public void setCallerName(String v) { callerName = v; }
        public String getCallerMobile() { return callerMobile; }
        public void setCallerMobile(String v) { callerMobile = v; }
        public WorkOrderCategory getCategory() { return category; }
        public void setCategory(WorkOrderCategory v) { category = v; }
    }

    private final Binder<Form> binder = new Binder<>(Form.class);
    private final Form form = new Form();
    final TextField name = new TextField();
    final TextField mobile = new TextField();
    final ComboBox<WorkOrderCategory> category = new ComboBox<>();
    final Paragraph error = new Paragraph();
    final Button answer = new Button();

    DirectAnswerDialog(WorkOrders orders, CurrentUser agent, KnowledgeEntry entry, String callerMobile, String uscc,
                       Consumer<String> onAnswered) {
        setId("direct-answer");
        setHeaderTitle(getTranslation("hotline.answer.title"));
        form.setCallerMobile(callerMobile == null ? "" : callerMobile);

        Paragraph which = new Paragraph(getTranslation("hotline.answer.entry", entry.id(), entry.question()));
        which.setId("direct-answer-entry");
        name.setLabel(getTranslation("workorders.field.callerName"));
        name.setId("direct-answer-caller-name");
        name.setAutofocus(true);
        mobile.setLabel(getTranslation("workorders.field.callerMobile"));
        mobile.setId("direct-answer-caller-mobile");
        category.setLabel(getTranslation("workorders.field.category"));
        category.setId("direct-answer-category");
        // the two that start something else cannot be answered from the knowledge base
        category.setItems(WorkOrderCategory.ENQUIRY, WorkOrderCategory.HELP, WorkOrderCategory.SUGGESTION, WorkOrderCategory.COMPLAINT);
        category.setItemLabelGenerator(c -> getTranslation(c.messageKey()));
        binder.forField(name).asRequired().bind(Form::getCallerName, Form::setCallerName);
        binder.forField(mobile).asRequired().bind(Form::getCallerMobile, Form::setCallerMobile);
        binder.forField(category).asRequired().bind(Form::getCategory, Form::setCategory);
        binder.readBean(form);

        error.setId("direct-answer-error");
        error.addClassName("form-error");
        error.setVisible(false);
        add(which, new FormLayout(name, mobile, category), error);

        answer.setText(getTranslation("hotline.kb.answerDirectly"));
        answer.setId("direct-answer-submit");
        answer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        answer.addClickShortcut(Key.ENTER);
        answer.addClickListener(e -> {
            if (!binder.writeBeanIfValid(form)) {
                return;
            }
            try {
                String description = getTranslation("hotline.answer.description", entry.id(), entry.question());
                String number = orders.answerOnTheCall(new WorkOrderRequest(form.getCallerName(), form.getCallerMobile(),
                        form.getCategory(), description, uscc, null, IntakeChannel.PHONE), entry.id(), agent, getLocale());
                close();
                onAnswered.accept(number);
            } catch (UserFacingException refused) {
                error.setText(getTranslation(refused.messageKey(), refused.arguments()));
                error.setVisible(true);
            } catch (AccessDeniedException denied) {
                error.setText(getTranslation("workorders.denied"));
                error.setVisible(true);
            }
        });
        Button cancel = new Button(getTranslation("workorders.intake.cancel"), e -> close());
        getFooter().add(cancel, answer);
    }
}
