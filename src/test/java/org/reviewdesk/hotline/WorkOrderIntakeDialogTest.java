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
        assertThat(_get(Paragraph.class, spec -> spec.withId("intake-error")).getText()).contains("手机号码");
        assertThat(taken.get()).isNull();

        _setValue(_get(TextField.class, spec -> spec.withId("intake-caller-mobile")), "13912345678");
        _click(_get(Button.class, spec -> spec.withId("intake-submit")));

        assertThat(taken.get()).matches("GD\\d{14}");
        WorkOrder order = orders.byNumber(taken.get(), WorkOrderFixture.AGENT);
        assertThat(order.category()).isEqualTo(WorkOrderCategory.ACCOUNT_RECOVERY);
        assertThat(order.state()).isEqualTo(WorkOrderState.AWAITING_DISPATCH);
    }
}
