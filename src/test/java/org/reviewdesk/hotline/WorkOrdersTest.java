package org.reviewdesk.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.reviewdesk.hotline.WorkOrderFixture.ACCOUNT_TEAM;
import static org.reviewdesk.hotline.WorkOrderFixture.AGENT;
import static org.reviewdesk.hotline.WorkOrderFixture.CALLER_MOBILE;
import static org.reviewdesk.hotline.WorkOrderFixture.HANDLER;
import static org.reviewdesk.hotline.WorkOrderFixture.MONDAY_MORNING;
import static org.reviewdesk.hotline.WorkOrderFixture.OTHER_AGENT;
import static org.reviewdesk.hotline.WorkOrderFixture.REVIEWER;
import static org.reviewdesk.hotline.WorkOrderFixture.REVIEW_TEAM;
import static org.reviewdesk.hotline.WorkOrderFixture.SUPERVISOR;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.TestMessages;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.review.Inbox;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.TestCodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.security.access.AccessDeniedException;

/**
 * Each rule of {@link WorkOrders} with an input that breaks it: the wrong role, a handler of another
 * unit, another agent's order, a recovery without identity check, a merge across organisations, an
 * extension not later than the limit, a dissatisfied callback without the caller's words; and every
 * message the service gives has its Chinese and English text.
 */
@ApplicationTest
class WorkOrdersTest {

    @Autowired ApplicationContext context;
    @Autowired WorkOrders orders;
    @Autowired TaskService tasks;
    @Autowired Inbox inbox;

    @BeforeEach
    void mondayMorning() {
        WorkOrderFixture.clockAt(MONDAY_MORNING);
    }

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    @Test
    void onlyAgentsTakeDispatchAnswerAndMerge() {
        assertThatThrownBy(() -> orders.intake(WorkOrderFixture.request(WorkOrderCategory.ENQUIRY, null, CALLER_MOBILE), REVIEWER,
                Locale.SIMPLIFIED_CHINESE)).isInstanceOf(AccessDeniedException.class);
        String number = WorkOrderFixture.taken(context, WorkOrderCategory.ENQUIRY);
        assertThatThrownBy(() -> orders.dispatch(number, ACCOUNT_TEAM, HANDLER)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> orders.answerDirectly(number, "x", SUPERVISOR)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> orders.merge(number, "GD20261207000000", HANDLER)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anotherAgentMayNotDispatchTheOrderOfTheAgentWhoTookIt() {
        String number = WorkOrderFixture.taken(context, WorkOrderCategory.ENQUIRY);
        assertThatThrownBy(() -> orders.dispatch(number, ACCOUNT_TEAM, OTHER_AGENT))
                .hasFieldOrPropertyWithValue("messageKey", "review.decide.assignedToOther");
    }

    @Test
    void aHandlerOfAnotherUnitNeitherSeesNorSignsNorReads() {
        String number = WorkOrderFixture.taken(context, WorkOrderCategory.ENQUIRY);
        orders.dispatch(number, REVIEW_TEAM, AGENT);
        Task sign = signTask(number);

        assertThat(inbox.find(sign.getId(), HANDLER)).as("the account team's handler").isEmpty();
        assertThatThrownBy(() -> orders.sign(number, HANDLER)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> orders.byNumber(number, HANDLER)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> orders.sign(number, AGENT)).as("an agent is in no unit").isInstanceOf(AccessDeniedException.class);

        assertThat(inbox.find(sign.getId(), REVIEWER)).as("the review team is the unit").isPresent();
        assertThat(orders.byNumber(number, REVIEWER).unitCode()).isEqualTo(REVIEW_TEAM);
        orders.sign(number, REVIEWER);
        assertThat(orders.byNumber(number, REVIEWER).signedBy()).isEqualTo(REVIEWER.username());
    }

    @Test
    void reviewersSeeNoOrderOfAnotherUnitButItsHandlerDoes() {
        String number = WorkOrderFixture.dispatched(context, WorkOrderCategory.HELP);
        Task sign = signTask(number);

        assertThat(inbox.find(sign.getId(), REVIEWER)).isEmpty();
        assertThatThrownBy(() -> orders.sign(number, REVIEWER)).isInstanceOf(AccessDeniedException.class);
        assertThat(inbox.find(sign.getId(), HANDLER)).isPresent();
        inbox.claim(sign.getId(), HANDLER);
        orders.sign(number, HANDLER);
        assertThat(orders.byNumber(number, HANDLER).state()).isEqualTo(WorkOrderState.HANDLING);
    }

    @Test
    void anAccountRecoveryIsDispatchedOnlyAfterARecordedIdentityCheck() {
        String number = WorkOrderFixture.taken(context, WorkOrderCategory.ACCOUNT_RECOVERY);
        assertThatThrownBy(() -> orders.dispatch(number, ACCOUNT_TEAM, AGENT))
                .hasFieldOrPropertyWithValue("messageKey", "workorders.dispatch.identityCheckRequired");
        assertThatThrownBy(() -> orders.recordIdentityCheck(number, " ", AGENT))
                .hasFieldOrPropertyWithValue("messageKey", "workorders.identity.required");

        orders.recordIdentityCheck(number, "身份证号与姓名核对一致，回拨预留手机号确认本人", AGENT);
        orders.dispatch(number, ACCOUNT_TEAM, AGENT);

        WorkOrder order = orders.byNumber(number, HANDLER);
        assertThat(order.identityCheckedBy()).isEqualTo(AGENT.username());
        assertThat(order.state()).isEqualTo(WorkOrderState.AWAITING_SIGN);
    }

    @Test
    void theRepresentativeCategoryTakesItsOwnDoorAndBadFieldsAreRefused() {
        assertThatThrownBy(() -> orders.intake(WorkOrderFixture.request(WorkOrderCategory.REPRESENTATIVE_UNREACHABLE, null,
                CALLER_MOBILE), AGENT, null)).hasFieldOrPropertyWithValue("messageKey", "workorders.intake.representativeNeedsChange");
        assertThatThrownBy(() -> orders.intake(WorkOrderFixture.request(WorkOrderCategory.ENQUIRY, null, "12345"), AGENT, null))
                .hasFieldOrPropertyWithValue("messageKey", "workorders.form.callerMobile");
        assertThatThrownBy(() -> orders.intake(WorkOrderFixture.request(WorkOrderCategory.ENQUIRY, "9135010",
                CALLER_MOBILE), AGENT, null)).hasFieldOrPropertyWithValue("messageKey", "workorders.form.uscc");
        String number = WorkOrderFixture.taken(context, WorkOrderCategory.ENQUIRY);
        assertThatThrownBy(() -> orders.answerDirectly(number, "no-such-entry", AGENT))
                .hasFieldOrPropertyWithValue("messageKey", "workorders.answer.unknownEntry");
    }

    @Test
    void ordersMergeOnlyWithinTheSameOrganisationOrCallerAndOnlyWhileOpen() {
        String a = orders.intake(WorkOrderFixture.request(WorkOrderCategory.HELP, TestCodes.uscc(LegalPersonType.ENTERPRISE),
                "13900000001"), AGENT, null);
        String b = orders.intake(WorkOrderFixture.request(WorkOrderCategory.HELP, TestCodes.uscc(LegalPersonType.ENTERPRISE),
                "13900000002"), AGENT, null);
        assertThatThrownBy(() -> orders.merge(a, b, AGENT)).hasFieldOrPropertyWithValue("messageKey", "workorders.merge.unrelated");
        assertThatThrownBy(() -> orders.merge(a, a, AGENT)).hasFieldOrPropertyWithValue("messageKey", "workorders.merge.same");

        String uscc = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        String main = orders.intake(WorkOrderFixture.request(WorkOrderCategory.HELP, uscc, "13900000003"), AGENT, null);
        String closed = orders.intake(WorkOrderFixture.request(WorkOrderCategory.HELP, uscc, "13900000004"), AGENT, null);
        orders.answerDirectly(closed, context.getBean(KnowledgeBase.class).all().get(0).id(), AGENT);
        assertThatThrownBy(() -> orders.merge(main, closed, AGENT)).hasFieldOrPropertyWithValue("messageKey", "workorders.notOpen");

        String sameOrganisation = orders.intake(WorkOrderFixture.request(WorkOrderCategory.HELP, uscc, "13900000005"), AGENT, null);
        orders.merge(sameOrganisation, main, AGENT);
        assertThat(orders.ordersForOrganisation(uscc, AGENT)).extracting(WorkOrder::number, WorkOrder::state)
                .contains(org.assertj.core.groups.Tuple.tuple(sameOrganisation, WorkOrderState.MERGED));
        assertThatThrownBy(() -> orders.merge(sameOrganisation, main, AGENT))
                .hasFieldOrPropertyWithValue("messageKey", "workorders.notOpen");
    }

    @Test
    void anExtensionMustEndAfterTheLimitAndARefusalNeedsAReason() {
        String number = WorkOrderFixture.signed(context, WorkOrderCategory.ENQUIRY);
        LocalDate due = orders.byNumber(number, HANDLER).handleDue().toLocalDate();
        assertThatThrownBy(() -> orders.requestExtension(number, "需要更多时间", due, HANDLER))
                .hasFieldOrPropertyWithValue("messageKey", "workorders.extension.dateAfterDue");
        assertThatThrownBy(() -> orders.requestExtension(number, " ", due.plusDays(5), HANDLER))
                .hasFieldOrPropertyWithValue("messageKey", "workorders.extension.reasonRequired");
        assertThatThrownBy(() -> orders.requestExtension(number, "需要更多时间", due.plusDays(5), AGENT))
                .as("the handler who signed holds it").isInstanceOf(UserFacingException.class);

        orders.requestExtension(number, "需要更多时间", due.plusDays(5), HANDLER);
        assertThatThrownBy(() -> orders.decideExtension(number, true, null, HANDLER)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> orders.decideExtension(number, false, " ", SUPERVISOR))
                .hasFieldOrPropertyWithValue("messageKey", "workorders.extension.refusalReasonRequired");
        assertThatThrownBy(() -> orders.requestExtension(number, "还要更久", due.plusDays(9), HANDLER)).as("one request at a time")
                .hasFieldOrPropertyWithValue("messageKey", "workorders.extension.alreadyPending");
        assertThatThrownBy(() -> orders.reply(number, "已办", AGENT)).as("the handler's alone while the supervisor decides")
                .isInstanceOf(UserFacingException.class);
    }

    @Test
    void aDissatisfiedCallbackNeedsTheCallersWords() {
        String number = WorkOrderFixture.signed(context, WorkOrderCategory.ENQUIRY);
        orders.reply(number, "已答复", HANDLER);
        assertThatThrownBy(() -> orders.callback(number, Satisfaction.DISSATISFIED, " ", AGENT))
                .hasFieldOrPropertyWithValue("messageKey", "workorders.callback.wordsRequired");
        assertThatThrownBy(() -> orders.callback(number, null, null, AGENT))
                .hasFieldOrPropertyWithValue("messageKey", "workorders.callback.satisfactionRequired");
        assertThatThrownBy(() -> orders.callback(number, Satisfaction.SATISFIED, null, HANDLER))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aCallersOrdersAreListedForTheDeskOnlyWithTheMobileMasked() {
        String mobile = "13700000009";
        String number = orders.intake(WorkOrderFixture.request(WorkOrderCategory.SUGGESTION, null, mobile), AGENT, null);
        assertThat(orders.ordersForCaller(mobile, AGENT)).extracting(WorkOrder::number, WorkOrder::callerMobileMasked)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(number, "137****0009"));
        assertThat(orders.ordersForCaller(mobile, SUPERVISOR)).hasSize(1);
        assertThatThrownBy(() -> orders.ordersForCaller(mobile, HANDLER)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> orders.ordersForOrganisation("91350100M000100Y43", REVIEWER)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void everyMessageOfTheServiceReadsInChineseAndEnglish() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String file : new String[] {"WorkOrders.java", "WorkOrderWorkbench.java", "WorkOrderIntakeDialog.java"}) {
            Path path = Path.of("src/main/java/org/reviewdesk/hotline", file);
            if (Files.exists(path)) {
                Matcher m = Pattern.compile("\"(workorders\\.[A-Za-z.]+[A-Za-z])\"").matcher(Files.readString(path));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        assertThat(keys).hasSizeGreaterThan(30);
        ResourceBundleMessageSource messages = TestMessages.source("messages/workorders");
        for (String key : keys) {
            String zh = messages.getMessage(key, new Object[] {"A", "B"}, Locale.SIMPLIFIED_CHINESE);
            String en = messages.getMessage(key, new Object[] {"A", "B"}, Locale.ENGLISH);
            assertThat(zh).as(key).isNotEqualTo(en).matches(s -> s.codePoints().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff), "Chinese");
        }
    }

    private Task signTask(String number) {
        return tasks.createTaskQuery().processInstanceBusinessKey(number)
                .taskDefinitionKey(WorkOrderProcess.Activity.SIGN).singleResult();
    }
}
