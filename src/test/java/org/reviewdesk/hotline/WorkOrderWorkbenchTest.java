package org.reviewdesk.hotline;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.platform.Role;
import org.reviewdesk.review.CaseAdapter;
import org.reviewdesk.review.ReviewTask;
import org.reviewdesk.staff.HandlingUnit;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The work order's workbench, built by its {@link CaseAdapter} as the review view does: the agent
 * dispatches from it, the handler signs and replies from it, and a refusal shows its message.
 */
class WorkOrderWorkbenchTest extends KaribuTestSupport {

    @Autowired List<CaseAdapter> adapters;
    @Autowired TaskService tasks;
    @Autowired WorkOrders orders;

    private final AtomicInteger decided = new AtomicInteger();

    @Test
    void theAgentDispatchesAndTheHandlerSignsAndRepliesFromTheWorkbench() {
        CaseAdapter adapter = adapters.stream().filter(a -> a.processKey().equals(WorkOrderProcess.KEY)).findFirst().orElseThrow();
        String number = WorkOrderFixture.taken(context, WorkOrderCategory.ENQUIRY);
        assertThat(adapter.caseRefShape().matcher(number).matches()).isTrue();
        assertThat(adapter.summary(number).orElseThrow().title()).contains("短信验证码");

        signInAs("hotline", Role.HOTLINE_AGENT);
        UI.getCurrent().add(adapter.workbench(task(number, WorkOrderProcess.Activity.DISPATCH), WorkOrderFixture.AGENT,
                decided::incrementAndGet));
        _click(_get(Button.class, spec -> spec.withId("workorder-dispatch")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("workorder-error")).getText()).contains("承办单位");
        @SuppressWarnings("unchecked")
        ComboBox<HandlingUnit> unit = _get(ComboBox.class, spec -> spec.withId("workorder-unit"));
        unit.setValue(orders.dispatchUnits(WorkOrderFixture.AGENT).stream()
                .filter(u -> u.code().equals(WorkOrderFixture.ACCOUNT_TEAM)).findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("workorder-dispatch")));
        assertThat(decided).hasValue(1);
        UI.getCurrent().removeAll();

        signInAs("handler", Role.HANDLER);
        UI.getCurrent().add(adapter.workbench(task(number, WorkOrderProcess.Activity.SIGN), WorkOrderFixture.HANDLER,
                decided::incrementAndGet));
        assertThat(_get(Div.class, spec -> spec.withId("workorder-facts")).getElement().getTextRecursively())
                .contains(number, "咨询", "139****5678", "统一身份认证平台账号组");
        _click(_get(Button.class, spec -> spec.withId("workorder-sign")));
        assertThat(decided).hasValue(2);
        UI.getCurrent().removeAll();

        UI.getCurrent().add(adapter.workbench(task(number, WorkOrderProcess.Activity.HANDLE), WorkOrderFixture.HANDLER,
                decided::incrementAndGet));
        _setValue(_get(TextArea.class, spec -> spec.withId("workorder-reply-text")), "已解绑原手机号");
        _click(_get(Button.class, spec -> spec.withId("workorder-reply")));
        assertThat(decided).hasValue(3);
        assertThat(orders.byNumber(number, WorkOrderFixture.AGENT).state()).isEqualTo(WorkOrderState.AWAITING_CALLBACK);
        assertThat(_get(TextField.class, spec -> spec.withId("workorder-return-reason"))).isNotNull();
    }

    @Test
    void whileAnExtensionWaitsTheHandlerSeesItAndCanStillReply() {
        CaseAdapter adapter = adapters.stream().filter(a -> a.processKey().equals(WorkOrderProcess.KEY)).findFirst().orElseThrow();
        String number = WorkOrderFixture.signed(context, WorkOrderCategory.HELP);
        orders.requestExtension(number, "需调取档案", orders.byNumber(number, WorkOrderFixture.AGENT).handleDue().toLocalDate()
                .plusDays(10), WorkOrderFixture.HANDLER);

        signInAs("handler", Role.HANDLER);
        UI.getCurrent().add(adapter.workbench(task(number, WorkOrderProcess.Activity.HANDLE), WorkOrderFixture.HANDLER,
                decided::incrementAndGet));
        assertThat(_get(Paragraph.class, spec -> spec.withId("workorder-extension-pending")).getText()).contains("等待督办人员审批");
        _assertNone(Button.class, spec -> spec.withId("workorder-request-extension"));
        _setValue(_get(TextArea.class, spec -> spec.withId("workorder-reply-text")), "已提前办结");
        _click(_get(Button.class, spec -> spec.withId("workorder-reply")));

        assertThat(decided).hasValue(1);
        assertThat(orders.timeline(number, WorkOrderFixture.AGENT)).extracting(WorkOrder.Event::kind).contains("EXTENSION_WITHDRAWN");
    }

    private ReviewTask task(String number, String activity) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(activity).singleResult();
        return new ReviewTask(task.getId(), WorkOrderProcess.KEY, task.getProcessInstanceId(), number, activity, task.getName(),
                List.of(), task.getAssignee(), OffsetDateTime.now(), null, 50, number, "", null, OffsetDateTime.now());
    }
}
