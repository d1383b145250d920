package org.reviewdesk.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.reviewdesk.hotline.WorkOrderFixture.ACCOUNT_TEAM;
import static org.reviewdesk.hotline.WorkOrderFixture.ACCOUNT_TEAM_GROUP;
import static org.reviewdesk.hotline.WorkOrderFixture.AGENT;
import static org.reviewdesk.hotline.WorkOrderFixture.CALLER_MOBILE;
import static org.reviewdesk.hotline.WorkOrderFixture.HANDLER;
import static org.reviewdesk.hotline.WorkOrderFixture.MONDAY_MORNING;
import static org.reviewdesk.hotline.WorkOrderFixture.SUPERVISOR;
import static org.reviewdesk.hotline.WorkOrderProcess.Activity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.ProcessCoverage;
import org.reviewdesk.accounts.EnterpriseAccounts;
import org.reviewdesk.representative.ChangeReason;
import org.reviewdesk.representative.ChangeRequest;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.TestCodes;
import org.reviewdesk.rules.WorkingDayCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path of {@code work-order.bpmn} through the real service, engine and database, on the engine's
 * clock fixed to a Monday morning in China and the working-day calendar: given an order taken by an
 * agent, when the agent, the unit's handler, a supervisor or the engine's timer act, then the process
 * and the order are where they should be. Camunda process test coverage holds these tests to every flow
 * node and sequence flow of the model.
 */
@ApplicationTest
class WorkOrderProcessTest {

    @Autowired ApplicationContext context;
    @Autowired WorkOrders orders;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired WorkingDayCalendar calendar;
    @Autowired KnowledgeBase knowledge;
    @Autowired JdbcClient jdbc;

    @BeforeAll
    static void everyElementOfTheModelMustBeCovered() {
        ProcessCoverage.requireEveryElement();
    }

    @BeforeEach
    void engineOnAMondayMorning() {
        BpmnAwareTests.init(engine);
        WorkOrderFixture.clockAt(MONDAY_MORNING);
    }

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    @Test
    void aDirectAnswerRecordsTheEntryAndClosesAtOnce() {
        String number = WorkOrderFixture.taken(context, WorkOrderCategory.ENQUIRY);
        ProcessInstance instance = instance(number);
        assertThat(number).matches("GD20261207\\d{6}");
        assertThat(instance).isWaitingAt(Activity.DISPATCH);
        assertThat(task(instance)).isAssignedTo(AGENT.username());
        assertThat(offeredTo(task(instance))).containsExactly(WorkOrderProcess.HOTLINE);
        assertThat(messageKeys(number)).containsExactly("workorders.notice.taken.sms");

        String entry = knowledge.all().get(0).id();
        orders.answerDirectly(number, entry, AGENT);

        assertThat(instance).hasPassed(Activity.ANSWERED_DIRECTLY).hasNotPassed(Activity.SIGN).isEnded();
        WorkOrder order = orders.byNumber(number, AGENT);
        assertThat(order.state()).isEqualTo(WorkOrderState.ANSWERED);
        assertThat(order.knowledgeEntry()).isEqualTo(entry);
        assertThat(order.closedAt()).isEqualTo(MONDAY_MORNING);
    }

    @Test
    void aDispatchedOrderSignedInTimeIsRepliedCalledBackSatisfiedAndClosed() {
        String number = WorkOrderFixture.dispatched(context, WorkOrderCategory.ENQUIRY);
        ProcessInstance instance = instance(number);

        assertThat(instance).isWaitingAt(Activity.SIGN);
        Task sign = task(instance);
        assertThat(sign).hasCandidateGroup(ACCOUNT_TEAM_GROUP).isNotAssigned();
        OffsetDateTime signDue = calendar.addWorkingDays(MONDAY_MORNING.atZoneSameInstant(calendar.zone()), 1).toOffsetDateTime();
        assertThat(sign.getDueDate().toInstant()).isEqualTo(signDue.toInstant());
        WorkOrder dispatched = orders.byNumber(number, AGENT);
        assertThat(dispatched.unitCode()).isEqualTo(ACCOUNT_TEAM);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 12, 7), dispatched.handleDue().atZoneSameInstant(calendar.zone())
                .toLocalDate())).as("an enquiry's limit").isEqualTo(3);

        orders.sign(number, HANDLER);
        assertThat(instance).hasPassed(Activity.SIGN).isWaitingAt(Activity.HANDLE);
        Task handle = task(instance);
        assertThat(handle).isAssignedTo(HANDLER.username());
        assertThat(offeredTo(handle)).containsExactly(ACCOUNT_TEAM_GROUP);
        assertThat(handle.getDueDate().toInstant()).isEqualTo(dispatched.handleDue().toInstant());
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(Activity.SIGN_OVERDUE).count())
                .as("the sign-for timer ends with the sign task").isZero();
        assertThat(handlingTimer(instance).getDuedate().toInstant()).isEqualTo(dispatched.handleDue().toInstant());

        orders.reply(number, "已为您解绑原手机号，请用新手机号登录。", HANDLER);
        assertThat(instance).isWaitingAt(Activity.CALLBACK);
        assertThat(task(instance)).hasCandidateGroup(WorkOrderProcess.HOTLINE);
        assertThat(messageKeys(number)).contains("workorders.notice.replied.sms");

        orders.callback(number, Satisfaction.SATISFIED, null, AGENT);
        assertThat(instance).hasPassed(Activity.CLOSED).isEnded();
        WorkOrder closed = orders.byNumber(number, AGENT);
        assertThat(closed.state()).isEqualTo(WorkOrderState.CLOSED);
        assertThat(closed.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
        assertThat(closed.overdue()).isFalse();
    }

    @Test
    void anOrderNotSignedInTimeIsEscalatedToSupervisorsAndShownOverdue() {
        String number = WorkOrderFixture.dispatched(context, WorkOrderCategory.COMPLAINT);
        ProcessInstance instance = instance(number);
        Job timer = management.createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(Activity.SIGN_OVERDUE).singleResult();

        WorkOrderFixture.clockAt(timer.getDuedate().toInstant().minusSeconds(60).atOffset(MONDAY_MORNING.getOffset()));
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).timers().executable().count())
                .as("a minute before the sign-for limit").isZero();
        WorkOrderFixture.clockAt(timer.getDuedate().toInstant().plusSeconds(1).atOffset(MONDAY_MORNING.getOffset()));
        management.executeJob(timer.getId());

        assertThat(instance).hasPassed(Activity.ESCALATE_SIGN, Activity.SIGN_ESCALATED).isWaitingAt(Activity.SIGN);
        assertThat(task(instance)).hasCandidateGroup(ACCOUNT_TEAM_GROUP).hasCandidateGroup(WorkOrderProcess.SUPERVISORS);
        assertThat(orders.byNumber(number, AGENT).overdue()).isTrue();

        orders.sign(number, HANDLER);
        assertThat(instance).isWaitingAt(Activity.HANDLE);
        assertThat(orders.timeline(number, AGENT)).extracting(WorkOrder.Event::kind)
                .containsSubsequence("DISPATCHED", "SIGN_ESCALATED", "SIGNED_LATE");
    }

    @Test
    void anOrderNotHandledInTimeIsEscalatedToSupervisorsAndShownOverdue() {
        String number = WorkOrderFixture.signed(context, WorkOrderCategory.HELP);
        ProcessInstance instance = instance(number);
        OffsetDateTime due = orders.byNumber(number, AGENT).handleDue();
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 12, 7), due.atZoneSameInstant(calendar.zone()).toLocalDate()))
                .as("a help request's limit").isEqualTo(7);
        Job timer = handlingTimer(instance);
        assertThat(timer.getDuedate().toInstant()).isEqualTo(due.toInstant());

        clockAt(due.minusSeconds(60));
        assertThat(executableTimers(instance)).as("a minute before the handling limit").isZero();
        clockAt(due.plusSeconds(1));
        management.executeJob(timer.getId());

        assertThat(instance).hasPassed(Activity.HANDLE_OVERDUE, Activity.ESCALATE_HANDLE, Activity.HANDLE_ESCALATED)
                .isWaitingAt(Activity.HANDLE);
        Task handle = task(instance);
        assertThat(handle).isAssignedTo(HANDLER.username());
        assertThat(offeredTo(handle)).containsExactlyInAnyOrder(ACCOUNT_TEAM_GROUP, WorkOrderProcess.SUPERVISORS);
        assertThat(inboxDue(handle)).as("red in the inbox: due before now").isBefore(due.plusSeconds(1).toInstant());
        assertThat(orders.byNumber(number, AGENT).overdue()).isTrue();
        assertThat(orders.timeline(number, AGENT)).extracting(WorkOrder.Event::kind).containsSubsequence("SIGNED", "HANDLE_ESCALATED");
        assertThat(executableTimers(instance)).as("escalated once").isZero();

        orders.reply(number, "已办结。", HANDLER);
        assertThat(instance).hasPassed(Activity.HANDLED).isWaitingAt(Activity.CALLBACK);
    }

    @Test
    void anExtensionGrantedMovesTheHandlingLimitAndTheTimerThatEscalatesIt() {
        String number = WorkOrderFixture.signed(context, WorkOrderCategory.HELP);
        ProcessInstance instance = instance(number);
        OffsetDateTime oldDue = orders.byNumber(number, AGENT).handleDue();
        LocalDate until = LocalDate.of(2026, 12, 31);

        orders.requestExtension(number, "需调取省外登记机关档案", until, HANDLER);
        assertThat(instance).isWaitingAt(Activity.HANDLE, Activity.DECIDE_EXTENSION);
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(Activity.DECIDE_EXTENSION)
                .singleResult()).hasCandidateGroup(WorkOrderProcess.SUPERVISORS);
        assertThat(orders.byNumber(number, AGENT).state()).isEqualTo(WorkOrderState.EXTENSION_REQUESTED);
        assertThatThrownBy(() -> orders.requestExtension(number, "再延一次", until.plusDays(5), HANDLER))
                .as("one request at a time").hasFieldOrPropertyWithValue("messageKey", "workorders.extension.alreadyPending");

        orders.decideExtension(number, true, "同意", SUPERVISOR);

        assertThat(instance).hasPassed(Activity.EXTENSION_GRANTED, Activity.LIMIT_MOVED).isWaitingAt(Activity.HANDLE);
        Task handle = task(instance);
        assertThat(handle).isAssignedTo(HANDLER.username());
        assertThat(handle.getDueDate().toInstant().atZone(calendar.zone()).toLocalDate()).isEqualTo(until);
        OffsetDateTime newDue = orders.byNumber(number, AGENT).handleDue();
        assertThat(newDue.atZoneSameInstant(calendar.zone()).toLocalDate()).isEqualTo(until);
        assertThat(inboxDue(handle)).isEqualTo(newDue.toInstant());
        assertThat(handlingTimer(instance).getDuedate().toInstant()).as("the timer moved with the limit").isEqualTo(newDue.toInstant());
        assertThatThrownBy(() -> orders.decideExtension(number, false, "不同意", SUPERVISOR))
                .as("decided already").hasFieldOrPropertyWithValue("messageKey", "workorders.extension.notPending");

        clockAt(oldDue.plusSeconds(1));
        assertThat(executableTimers(instance)).as("no escalation at the old limit").isZero();
        assertThat(orders.byNumber(number, AGENT).overdue()).isFalse();
        clockAt(newDue.plusSeconds(1));
        management.executeJob(handlingTimer(instance).getId());

        assertThat(instance).hasPassed(Activity.ESCALATE_HANDLE).isWaitingAt(Activity.HANDLE);
        assertThat(orders.byNumber(number, AGENT).overdue()).isTrue();
        assertThat(orders.timeline(number, AGENT)).extracting(WorkOrder.Event::kind)
                .containsSubsequence("EXTENSION_REQUESTED", "EXTENSION_APPROVED", "HANDLE_ESCALATED");
    }

    @Test
    void anExtensionRefusedKeepsTheLimit() {
        String number = WorkOrderFixture.signed(context, WorkOrderCategory.HELP);
        ProcessInstance instance = instance(number);
        OffsetDateTime due = orders.byNumber(number, AGENT).handleDue();
        String handleId = task(instance).getId();

        orders.requestExtension(number, "人手不足", LocalDate.of(2026, 12, 31), HANDLER);
        orders.decideExtension(number, false, "请按期办理", SUPERVISOR);

        assertThat(instance).hasPassed(Activity.EXTENSION_REFUSED).isWaitingAt(Activity.HANDLE);
        assertThat(task(instance).getId()).as("the handler's task went on").isEqualTo(handleId);
        assertThat(task(instance).getDueDate().toInstant()).isEqualTo(due.toInstant());
        assertThat(handlingTimer(instance).getDuedate().toInstant()).isEqualTo(due.toInstant());
        assertThat(orders.byNumber(number, AGENT).state()).isEqualTo(WorkOrderState.HANDLING);
        assertThat(orders.timeline(number, AGENT)).extracting(WorkOrder.Event::kind).contains("EXTENSION_REFUSED");
    }

    @Test
    void aReplyWhileAnExtensionWaitsWithdrawsTheRequestAndTheSupervisorIsToldSo() {
        String number = extensionWaiting(WorkOrderCategory.HELP);
        ProcessInstance instance = instance(number);

        orders.reply(number, "档案已提前调取，问题已解决。", HANDLER);

        assertThat(instance).hasPassed(Activity.HANDLED).hasNotPassed(Activity.EXTENSION_DECISION).isWaitingAt(Activity.CALLBACK);
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(Activity.DECIDE_EXTENSION).count())
                .as("the supervisor's task went with the handling stage").isZero();
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).timers().count()).isZero();
        WorkOrder replied = orders.byNumber(number, AGENT);
        assertThat(replied.state()).isEqualTo(WorkOrderState.AWAITING_CALLBACK);
        assertThat(replied.extensionUntil()).isNull();
        List<WorkOrder.Event> timeline = orders.timeline(number, AGENT);
        assertThat(timeline).extracting(WorkOrder.Event::kind)
                .containsSubsequence("EXTENSION_REQUESTED", "EXTENSION_WITHDRAWN", "REPLIED");

        assertThatThrownBy(() -> orders.decideExtension(number, true, "同意", SUPERVISOR))
                .hasFieldOrPropertyWithValue("messageKey", "workorders.extension.withdrawn");
        assertThat(instance).isWaitingAt(Activity.CALLBACK);
        WorkOrder after = orders.byNumber(number, AGENT);
        assertThat(after.state()).as("nothing half-done").isEqualTo(WorkOrderState.AWAITING_CALLBACK);
        assertThat(after.handleDue()).isEqualTo(replied.handleDue());
        assertThat(orders.timeline(number, AGENT)).isEqualTo(timeline);
    }

    @Test
    void aReturnWhileAnExtensionWaitsWithdrawsTheRequestToo() {
        String number = extensionWaiting(WorkOrderCategory.ENQUIRY);
        ProcessInstance instance = instance(number);

        orders.returnOrder(number, "属市场监管部门职责，非本单位", HANDLER);

        assertThat(instance).isWaitingAt(Activity.DISPATCH);
        assertThat(orders.timeline(number, AGENT)).extracting(WorkOrder.Event::kind)
                .containsSubsequence("EXTENSION_REQUESTED", "EXTENSION_WITHDRAWN", "RETURNED");
        assertThatThrownBy(() -> orders.decideExtension(number, false, "不同意", SUPERVISOR))
                .hasFieldOrPropertyWithValue("messageKey", "workorders.extension.withdrawn");
    }

    @Test
    void aReturnWithinTwoWorkingDaysGoesBackToTheDispatcher() {
        String number = WorkOrderFixture.signed(context, WorkOrderCategory.ENQUIRY);
        ProcessInstance instance = instance(number);
        WorkOrderFixture.clockAt(OffsetDateTime.parse("2026-12-09T08:59:00+08:00"));

        orders.returnOrder(number, "属市场监管部门职责，非本单位", HANDLER);

        assertThat(instance).hasPassed(Activity.DISPATCH_JOIN).isWaitingAt(Activity.DISPATCH);
        assertThat(task(instance)).isAssignedTo(AGENT.username());
        assertThat(orders.byNumber(number, AGENT).state()).isEqualTo(WorkOrderState.AWAITING_DISPATCH);
        orders.dispatch(number, WorkOrderFixture.REVIEW_TEAM, AGENT);
        assertThat(instance).isWaitingAt(Activity.SIGN);
        assertThat(task(instance)).hasCandidateGroup("reviewers");
    }

    @Test
    void aReturnAfterTwoWorkingDaysIsRefused() {
        String number = WorkOrderFixture.signed(context, WorkOrderCategory.ENQUIRY);
        ProcessInstance instance = instance(number);
        WorkOrderFixture.clockAt(OffsetDateTime.parse("2026-12-09T09:01:00+08:00"));

        assertThatThrownBy(() -> orders.returnOrder(number, "不属于本单位", HANDLER))
                .hasFieldOrPropertyWithValue("messageKey", "workorders.return.tooLate");
        assertThat(instance).isWaitingAt(Activity.HANDLE);
        assertThat(task(instance)).isAssignedTo(HANDLER.username());
    }

    @Test
    void dissatisfiedReopensOnceToTheSameHandlerThenTheNextCallbackCloses() {
        String number = WorkOrderFixture.signed(context, WorkOrderCategory.COMPLAINT);
        ProcessInstance instance = instance(number);
        orders.reply(number, "已核实，账号正常。", HANDLER);

        orders.callback(number, Satisfaction.DISSATISFIED, "问题没有解决，还是登录不了", AGENT);

        assertThat(instance).hasPassed(Activity.SATISFACTION).isWaitingAt(Activity.HANDLE);
        assertThat(task(instance)).isAssignedTo(HANDLER.username());
        assertThat(offeredTo(task(instance))).containsExactly(ACCOUNT_TEAM_GROUP);
        WorkOrder reopened = orders.byNumber(number, AGENT);
        assertThat(reopened.reopened()).isTrue();
        assertThat(reopened.state()).isEqualTo(WorkOrderState.HANDLING);
        assertThat(reopened.callerWords()).isEqualTo("问题没有解决，还是登录不了");

        orders.reply(number, "已重置登录方式并电话指导登录成功。", HANDLER);
        orders.callback(number, Satisfaction.DISSATISFIED, "处理太慢", AGENT);

        assertThat(instance).hasPassed(Activity.CLOSED).isEnded();
        WorkOrder closed = orders.byNumber(number, AGENT);
        assertThat(closed.state()).as("reopened once only").isEqualTo(WorkOrderState.CLOSED);
        assertThat(closed.satisfaction()).isEqualTo(Satisfaction.DISSATISFIED);
    }

    @Test
    void aMergedOrderClosesAsMergedItsCallerIsToldAndBothShowTheLink() {
        String main = WorkOrderFixture.signed(context, WorkOrderCategory.HELP);
        String duplicate = orders.intake(WorkOrderFixture.request(WorkOrderCategory.HELP, null, CALLER_MOBILE), AGENT,
                Locale.ENGLISH);
        ProcessInstance instance = instance(duplicate);

        orders.merge(duplicate, main, AGENT);

        assertThat(instance).hasPassed(Activity.MERGE_RECEIVED, Activity.MERGED).isEnded();
        WorkOrder merged = orders.byNumber(duplicate, AGENT);
        assertThat(merged.state()).isEqualTo(WorkOrderState.MERGED);
        assertThat(merged.mergedInto()).isEqualTo(main);
        assertThat(orders.byNumber(main, AGENT).mergedFrom()).containsExactly(duplicate);
        assertThat(instance(main)).isWaitingAt(Activity.HANDLE);
        assertThat(messageKeys(duplicate)).contains("workorders.notice.merged.sms");
    }

    @Test
    void representativeUnreachableStartsProcessTwoForTheCallerAndLinksIt() {
        String uscc = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        context.getBean(EnterpriseAccounts.class).open(uscc, "示例单位" + uscc.substring(10), LegalPersonType.ENTERPRISE, "王五",
                "TEST", "test");
        ChangeRequest change = ChangeRequest.byRepresentative(uscc, ChangeReason.REPRESENTATIVE_CHANGED, null, "张三",
                IdType.RESIDENT_ID, "11010519491231002X", CALLER_MOBILE);

        String number = orders.intakeRepresentativeChange(
                WorkOrderFixture.request(WorkOrderCategory.REPRESENTATIVE_UNREACHABLE, null, CALLER_MOBILE), change, AGENT,
                Locale.SIMPLIFIED_CHINESE);

        WorkOrder order = orders.byNumber(number, AGENT);
        assertThat(order.representativeCase()).matches("DR\\d{14}");
        assertThat(order.uscc()).isEqualTo(uscc);
        assertThat(jdbc.sql("select started_via from representative_change where number = :n")
                .param("n", order.representativeCase()).query(String.class).single())
                .as("process 2 opened for the caller, who gets its upload link and code").isEqualTo("HOTLINE");
        assertThat(orders.ordersForOrganisation(uscc, AGENT)).extracting(WorkOrder::number).containsExactly(number);
        assertThat(instance(number)).isWaitingAt(Activity.DISPATCH);
    }

    @Test
    void whenTheOrderCannotBeWrittenNoDeregistrationCaseIsLeftEither() {
        String uscc = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        String mobile = "13700001111";
        context.getBean(EnterpriseAccounts.class).open(uscc, "示例单位" + uscc.substring(10), LegalPersonType.ENTERPRISE, "王五",
                "TEST", "test");
        ChangeRequest change = ChangeRequest.byRepresentative(uscc, ChangeReason.REPRESENTATIVE_CHANGED, null, "张三",
                IdType.RESIDENT_ID, "11010519491231002X", mobile);
        WorkOrderRequest refused = new WorkOrderRequest("写入失败", mobile, WorkOrderCategory.REPRESENTATIVE_UNREACHABLE,
                "原法定代表人联系不上", null, null, IntakeChannel.PHONE);
        long instancesBefore = runtime.createProcessInstanceQuery().processDefinitionKey(WorkOrderProcess.KEY).count();
        // the order's row is the second write, after process 2's case: the database refuses it
        jdbc.sql("alter table work_order add constraint test_order_refused check (caller_name <> '写入失败')").update();
        try {
            assertThatThrownBy(() -> orders.intakeRepresentativeChange(refused, change, AGENT, Locale.SIMPLIFIED_CHINESE))
                    .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        } finally {
            jdbc.sql("alter table work_order drop constraint test_order_refused").update();
        }

        assertThat(count("select count(*) from representative_change where uscc = :v", uscc)).as("no DR case").isZero();
        assertThat(count("select count(*) from work_order where caller_mobile = :v", mobile)).as("no order").isZero();
        assertThat(count("select count(*) from outbox_message where recipient = :v", mobile)).as("no SMS").isZero();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(WorkOrderProcess.KEY).count()).isEqualTo(instancesBefore);

        String number = orders.intakeRepresentativeChange(WorkOrderFixture.request(WorkOrderCategory.REPRESENTATIVE_UNREACHABLE,
                null, mobile), change, AGENT, Locale.SIMPLIFIED_CHINESE);
        assertThat(orders.byNumber(number, AGENT).representativeCase()).as("the same call again, now written").startsWith("DR");
        assertThatThrownBy(() -> orders.intakeRepresentativeChange(WorkOrderFixture.request(
                WorkOrderCategory.REPRESENTATIVE_UNREACHABLE, null, mobile), change, AGENT, Locale.SIMPLIFIED_CHINESE))
                .as("a second call while the case is open").hasFieldOrPropertyWithValue("messageKey", "representative.start.alreadyOpenNumber");
        assertThat(count("select count(*) from work_order where caller_mobile = :v", mobile)).isEqualTo(1);
        assertThat(count("select count(*) from representative_change where uscc = :v", uscc)).isEqualTo(1);
    }

    private long count(String sql, String value) {
        return jdbc.sql(sql).param("v", value).query(Long.class).single();
    }

    /** Signed for, and the handler's extension request waiting for a supervisor. */
    private String extensionWaiting(WorkOrderCategory category) {
        String number = WorkOrderFixture.signed(context, category);
        orders.requestExtension(number, "需调取档案", LocalDate.of(2026, 12, 31), HANDLER);
        return number;
    }

    private Job handlingTimer(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(Activity.HANDLE_OVERDUE).singleResult();
    }

    private long executableTimers(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).timers().executable().count();
    }

    /** The due date the inbox shows the task with (red once it passed). */
    private java.time.Instant inboxDue(Task task) {
        return jdbc.sql("select due_at from review_task where task_id = :id").param("id", task.getId())
                .query(OffsetDateTime.class).single().toInstant();
    }

    private static void clockAt(OffsetDateTime at) {
        WorkOrderFixture.clockAt(at);
    }

    private ProcessInstance instance(String number) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
    }

    private Task task(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    /** The candidate groups, also of an assigned task (the assert library's check sees unassigned tasks only). */
    private List<String> offeredTo(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId).toList();
    }

    private List<String> messageKeys(String number) {
        return jdbc.sql("select message_key from outbox_message where case_ref = :n order by id").param("n", number)
                .query(String.class).list();
    }
}
