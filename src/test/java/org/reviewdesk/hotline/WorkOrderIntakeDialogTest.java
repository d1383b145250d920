package org.reviewdesk.hotline;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;

/** 受理 from the dialog the case screen opens: a bad mobile is refused with its message, a good form gives the number. */
class WorkOrderIntakeDialogTest extends KaribuTestSupport {

    @Autowired WorkOrders orders;

    @Test
    void anAgentTakesACallAndGetsTheNumberToReadOut() {
        signInAs("hotline", Role.HOTLINE_AGENT);
        AtomicReference<String> taken = new AtomicReference<>();
        WorkOrderIntakeDialog dialog = new WorkOrderIntakeDialog(orders, WorkOrderFixture.AGENT, "1391234", null, taken::set);
        dialog.open();
        _setValue(_get(TextField.class, spec -> spec.withId("intake-caller-name")), "王先生");
        @SuppressWarnings("unchecked")
        ComboBox<WorkOrderCategory> category = _get(ComboBox.class, spec -> spec.withId("intake-category"));
        category.setValue(WorkOrderCategory.ACCOUNT_RECOVERY);
        assertThat(_get(Paragraph.class, spec -> spec.withId("intake-self-service")).isVisible()).isTrue();
        _setValue(_get(TextArea.class, spec -> spec.withId("intake-description")), "人脸核验失败，无法找回密码");
        _click(_get(Button.class, spec -> spec.withId("intake-submit")));
        TextField mobile = _get(TextField.class, spec -> spec.withId("intake-caller-mobile"));
        assertThat(mobile.isInvalid()).isTrue();
        assertThat(mobile.getErrorMessage()).isEqualTo("请填写正确的 11 位手机号码。");
        assertThat(_get(Paragraph.class, spec -> spec.withId("intake-error")).getText()).isEqualTo("请按各项下方的提示修改后再受理。");
        assertThat(taken.get()).isNull();

        _setValue(mobile, "13912345678");
        assertThat(mobile.isInvalid()).as("valid again as soon as it is corrected").isFalse();
        _click(_get(Button.class, spec -> spec.withId("intake-submit")));

        assertThat(taken.get()).matches("GD\\d{14}");
        WorkOrder order = orders.byNumber(taken.get(), WorkOrderFixture.AGENT);
        assertThat(order.category()).isEqualTo(WorkOrderCategory.ACCOUNT_RECOVERY);
        assertThat(order.state()).isEqualTo(WorkOrderState.AWAITING_DISPATCH);
    }

    @Test
    void anEmptyFormSaysUnderEachRequiredFieldWhatIsMissingAndTakesNothing() {
        signInAs("hotline", Role.HOTLINE_AGENT);
        long before = workOrders();
        AtomicReference<String> taken = new AtomicReference<>();
        WorkOrderIntakeDialog dialog = new WorkOrderIntakeDialog(orders, WorkOrderFixture.AGENT, null, null, taken::set);
        dialog.open();
        category().setValue(null);
        channel().setValue(null);

        _click(_get(Button.class, spec -> spec.withId("intake-submit")));

        assertThat(error(text("intake-caller-name"))).isEqualTo("请填写来电人姓名（不超过 100 个字）。");
        assertThat(error(text("intake-caller-mobile"))).isEqualTo("请填写正确的 11 位手机号码。");
        assertThat(category().isInvalid()).isTrue();
        assertThat(category().getErrorMessage()).isEqualTo("请选择类别。");
        assertThat(channel().getErrorMessage()).isEqualTo("请选择来源渠道。");
        TextArea description = _get(TextArea.class, spec -> spec.withId("intake-description"));
        assertThat(description.isInvalid()).isTrue();
        assertThat(description.getErrorMessage()).isEqualTo("请填写诉求内容（不超过 4,000 个字）。");
        assertThat(taken.get()).isNull();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(workOrders()).isEqualTo(before);
    }

    @Test
    void badValuesSayWhatIsWrongAsSoonAsTheyAreEnteredInTheAgentsLanguage() {
        signInAs("hotline", Role.HOTLINE_AGENT);
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        long before = workOrders();
        AtomicReference<String> taken = new AtomicReference<>();
        WorkOrderIntakeDialog dialog = new WorkOrderIntakeDialog(orders, WorkOrderFixture.AGENT, null, null, taken::set);
        dialog.open();

        _setValue(text("intake-caller-name"), "王".repeat(101));
        _setValue(text("intake-caller-mobile"), "1391234");
        _setValue(text("intake-uscc"), "91510100MA6");
        _setValue(text("intake-linked-ref"), "no!");

        assertThat(error(text("intake-caller-name"))).isEqualTo("Enter the caller's name (at most 100 characters).");
        assertThat(error(text("intake-caller-mobile"))).isEqualTo("Enter a valid 11-digit mobile number.");
        assertThat(error(text("intake-uscc"))).isEqualTo("The unified social credit code is not valid.");
        assertThat(error(text("intake-linked-ref"))).isEqualTo("The linked application or case number is not valid.");

        _setValue(text("intake-uscc"), "");
        assertThat(text("intake-uscc").isInvalid()).as("the code is optional").isFalse();
        category().setValue(WorkOrderCategory.REPRESENTATIVE_UNREACHABLE);
        assertThat(error(text("intake-uscc"))).as("but not for an unreachable representative")
                .isEqualTo("A work order about an unreachable legal representative needs the organisation's credit code.");
        _setValue(text("intake-representative-mobile"), "12345");
        assertThat(error(text("intake-representative-mobile")))
                .isEqualTo("Enter the new legal representative's valid 11-digit mobile number.");
        _setValue(text("intake-representative-id"), "11010119900307");
        assertThat(error(text("intake-representative-id"))).isEqualTo("This ID number is not valid: compare it with the document.");

        _click(_get(Button.class, spec -> spec.withId("intake-submit")));
        assertThat(error(text("intake-representative-name"))).isEqualTo("Fill in this field.");
        assertThat(_get(Paragraph.class, spec -> spec.withId("intake-error")).getText())
                .isEqualTo("Correct the fields as shown under each, then take the call.");
        assertThat(taken.get()).isNull();
        assertThat(workOrders()).isEqualTo(before);
    }

    private static TextField text(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    private static String error(TextField field) {
        assertThat(field.isInvalid()).as(field.getId().orElse("") + " invalid").isTrue();
        return field.getErrorMessage();
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<WorkOrderCategory> category() {
        return _get(ComboBox.class, spec -> spec.withId("intake-category"));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<IntakeChannel> channel() {
        return _get(ComboBox.class, spec -> spec.withId("intake-channel"));
    }

    private long workOrders() {
        return context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select count(*) from work_order").query(Long.class).single();
    }
}
