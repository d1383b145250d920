package org.reviewdesk.representative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.reviewdesk.representative.RepresentativeFixture.LEAD;
import static org.reviewdesk.representative.RepresentativeFixture.REVIEWER;
import static org.reviewdesk.representative.RepresentativeFixture.REVIEWER2;
import static org.reviewdesk.representative.RepresentativeFixture.SUPERVISOR;
import static org.reviewdesk.representative.RepresentativeProcess.Activity;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.ProcessCoverage;
import org.reviewdesk.accounts.AccountStatus;
import org.reviewdesk.accounts.EnterpriseAccount;
import org.reviewdesk.accounts.EnterpriseAccounts;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.review.ReviewDecision;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.TestCodes;
import org.reviewdesk.rules.WorkingDayCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path of {@code representative-change.bpmn} through the real services, engine, database and
 * store: given a submitted case, when the checks, the reviewer, the supervisor, the applicant or a
 * timer act, then the process, the case and the account are where they should be. Camunda process
 * test coverage holds these tests to every flow node and sequence flow of the model.
 */
@ApplicationTest
class RepresentativeProcessTest {

    @Autowired ApplicationContext context;
    @Autowired RepresentativeChanges changes;
    @Autowired RepresentativeReview reviews;
    @Autowired RepresentativeSteps steps;
    @Autowired EnterpriseAccounts accounts;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired WorkingDayCalendar calendar;
    @Autowired JdbcClient jdbc;

    @BeforeAll
    static void everyElementOfTheModelMustBeCovered() {
        ProcessCoverage.requireEveryElement();
    }

    @BeforeEach
    void engine() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void engineClock() {
        ClockUtil.reset();
    }

    @Test
    void twoApprovalsDeregisterTheAccountAndInviteTheApplicantToRegisterAgain() {
        String uscc = RepresentativeFixture.account(context, LegalPersonType.ENTERPRISE);
        ChangeStarted started = submitted(uscc);
        ProcessInstance instance = afterChecks(started);

        assertThat(instance).isWaitingAt(Activity.FIRST_REVIEW);
        assertThat(task(instance, Activity.FIRST_REVIEW)).hasCandidateGroup(RepresentativeProcess.REVIEWERS).isNotAssigned();
        assertThat(reviews.checks(started.number(), REVIEWER)).extracting(RepresentativeReview.CheckLine::name)
                .contains("account", "representative", "openCase", "documents");
        reviews.decideFirst(started.number(), new ReviewDecision.Approve("材料齐全"), REVIEWER);

        assertThat(instance).isWaitingAt(Activity.SECOND_APPROVAL);
        assertThat(task(instance, Activity.SECOND_APPROVAL)).hasCandidateGroup(RepresentativeProcess.SUPERVISORS);
        assertThat(accounts.findActive(uscc)).as("nothing happens before the second approval").isPresent();
        reviews.decideSecond(started.number(), new ReviewDecision.Approve(null), SUPERVISOR);

        assertThat(instance).hasPassed(Activity.DEREGISTER, Activity.DEREGISTERED).isEnded();
        assertThat(accounts.findActive(uscc)).isEmpty();
        EnterpriseAccount old = accounts.history(uscc).get(0);
        assertThat(old.status()).isEqualTo(AccountStatus.DEREGISTERED);
        assertThat(old.deregisteredAt()).isNotNull();
        assertThat(old.deregistrationReason()).contains("REPRESENTATIVE_CHANGED");
        assertThat(old.deregistrationCaseRef()).isEqualTo(started.number());
        assertThat(old.deregistrationFirstApprover()).as("both approvers kept on the account").isEqualTo(REVIEWER.username());
        assertThat(old.deregistrationSecondApprover()).isEqualTo(SUPERVISOR.username());
        ChangeStatus status = changes.status(started.access());
        assertThat(status.state()).isEqualTo(ChangeState.DEREGISTERED);
        assertThat(status.reRegistrationLink()).contains("/apply?uscc=" + uscc);
        assertThat(status.timeline()).extracting(ChangeStatus.Entry::kind)
                .containsSubsequence("STARTED_WINDOW", "SUBMITTED", "IN_REVIEW", "DEREGISTERED");
        assertThat(messageKeys(started.number())).contains("representative.notice.deregistered.invite.sms");
        assertThat(changes.openDeregistration(uscc)).as("the code is free").isEmpty();
    }

    @Test
    void aSichuanBodyIsToldToRegisterOnlineItself() {
        String uscc = RepresentativeFixture.account(context, TestCodes.sichuanUscc(LegalPersonType.PUBLIC_INSTITUTION),
                LegalPersonType.PUBLIC_INSTITUTION);
        ChangeStarted started = submitted(uscc);
        ProcessInstance instance = afterChecks(started);
        reviews.decideFirst(started.number(), new ReviewDecision.Approve(null), REVIEWER);
        reviews.decideSecond(started.number(), new ReviewDecision.Approve(null), SUPERVISOR);

        assertThat(instance).isEnded();
        assertThat(messageKeys(started.number())).contains("representative.notice.deregistered.sichuan.sms")
                .doesNotContain("representative.notice.deregistered.invite.sms");
        assertThat(changes.status(started.access()).reRegistrationLink()).isNull();
    }

    @Test
    void aRejectionAtTheFirstReviewKeepsTheAccount() {
        String uscc = RepresentativeFixture.account(context, LegalPersonType.SOCIAL_ORGANISATION);
        ChangeStarted started = submitted(uscc);
        ProcessInstance instance = afterChecks(started);

        assertThatThrownBy(() -> reviews.decideFirst(started.number(), new ReviewDecision.Reject(List.of(), " "), REVIEWER))
                .hasFieldOrPropertyWithValue("messageKey", "representative.review.reasonRequired");
        reviews.decideFirst(started.number(), new ReviewDecision.Reject(List.of(), "变更登记通知书与执照不符"), REVIEWER);

        assertThat(instance).hasPassed(Activity.REJECT_JOIN, Activity.RECORD_REJECTION, Activity.REJECTED).isEnded();
        assertThat(instance).hasNotPassed(Activity.SECOND_APPROVAL);
        assertThat(accounts.findActive(uscc)).isPresent();
        ChangeStatus status = changes.status(started.access());
        assertThat(status.state()).isEqualTo(ChangeState.REJECTED);
        assertThat(status.decisionText()).isEqualTo("变更登记通知书与执照不符");
        assertThat(changes.openDeregistration(uscc)).isEmpty();
    }

    @Test
    void theSecondApproverMayRejectAndTheAccountStays() {
        String uscc = RepresentativeFixture.account(context, LegalPersonType.ENTERPRISE);
        ChangeStarted started = submitted(uscc);
        ProcessInstance instance = afterChecks(started);
        reviews.decideFirst(started.number(), new ReviewDecision.Approve(null), REVIEWER);

        assertThatThrownBy(() -> reviews.decideSecond(started.number(),
                ReviewDecision.RequestDocuments.of(List.of("signed-statement"), "x"), SUPERVISOR))
                .hasFieldOrPropertyWithValue("messageKey", "representative.review.secondCannotRequest");
        reviews.decideSecond(started.number(), new ReviewDecision.Reject(List.of(), "承诺书未盖章"), SUPERVISOR);

        assertThat(instance).hasPassed(Activity.SECOND_DECISION, Activity.RECORD_REJECTION, Activity.REJECTED).isEnded();
        assertThat(instance).hasNotPassed(Activity.DEREGISTER);
        assertThat(accounts.findActive(uscc)).isPresent();
        assertThat(changes.status(started.access()).state()).isEqualTo(ChangeState.REJECTED);
    }

    @Test
    void theFirstReviewerIsRefusedTheSecondApprovalAndTheRefusalIsAudited() {
        String uscc = RepresentativeFixture.account(context, LegalPersonType.ENTERPRISE);
        ChangeStarted started = submitted(uscc);
        ProcessInstance instance = afterChecks(started);
        reviews.decideFirst(started.number(), new ReviewDecision.Approve(null), LEAD);

        assertThatThrownBy(() -> reviews.decideSecond(started.number(), new ReviewDecision.Approve(null), LEAD))
                .isInstanceOf(UserFacingException.class)
                .hasFieldOrPropertyWithValue("messageKey", "review.fourEyes.refused");
        assertThatThrownBy(() -> tasks.claim(task(instance, Activity.SECOND_APPROVAL).getId(), LEAD.username()))
                .as("the inbox's claim goes through the same engine listener");

        assertThat(instance).isWaitingAt(Activity.SECOND_APPROVAL);
        assertThat(task(instance, Activity.SECOND_APPROVAL)).isNotAssigned();
        assertThat(accounts.findActive(uscc)).isPresent();
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'review.fourEyes.refused' and case_ref = :n and actor = :a")
                .param("n", started.number()).param("a", LEAD.username()).query(Integer.class).single()).isGreaterThanOrEqualTo(1);

        reviews.decideSecond(started.number(), new ReviewDecision.Approve(null), SUPERVISOR);
        assertThat(instance).isEnded();
        assertThat(accounts.findActive(uscc)).isEmpty();
    }

    @Test
    void documentsAskedForPauseTheClockAndTheReviewGoesOnWithTheNewVersion() {
        String uscc = RepresentativeFixture.account(context, LegalPersonType.ORGAN);
        ChangeStarted started = submitted(uscc);
        ProcessInstance instance = afterChecks(started);

        reviews.decideFirst(started.number(), ReviewDecision.RequestDocuments.of(List.of("change-notice"), "通知书不清晰"), REVIEWER);

        assertThat(instance).hasPassed(Activity.REQUEST_SUPPLEMENT).isWaitingAt(Activity.SUPPLEMENT);
        ChangeStatus waiting = changes.status(started.access());
        assertThat(waiting.state()).isEqualTo(ChangeState.AWAITING_SUPPLEMENT);
        assertThat(waiting.requestedSlots()).containsExactly("change-notice");
        assertThat(waiting.requestReason()).contains("通知书不清晰");
        assertThatThrownBy(() -> changes.answerSupplement(started.access()))
                .hasFieldOrPropertyWithValue("messageKey", "representative.supplement.missing");
        assertThatThrownBy(() -> changes.upload(started.access(), "signed-statement", "s.png", "image/png", RepresentativeFixture.png()))
                .as("only the slots asked for").hasFieldOrPropertyWithValue("messageKey", "representative.upload.notNow");

        changes.upload(started.access(), "change-notice", "通知书.png", "image/png", RepresentativeFixture.png());
        changes.answerSupplement(started.access());

        assertThat(instance).hasPassed(Activity.SUPPLEMENT).isWaitingAt(Activity.FIRST_REVIEW);
        assertThat(changes.status(started.access()).state()).isEqualTo(ChangeState.IN_REVIEW);
        assertThat(changes.status(started.access()).timeline()).extracting(ChangeStatus.Entry::kind).contains("REVIEW_RESUMED");
    }

    @Test
    void noAnswerToARequestForDocumentsWithdrawsTheCaseAndFreesTheCode() {
        String uscc = RepresentativeFixture.account(context, LegalPersonType.ENTERPRISE);
        ChangeStarted started = submitted(uscc);
        ProcessInstance instance = afterChecks(started);
        reviews.decideFirst(started.number(), ReviewDecision.RequestDocuments.of(List.of("new-licence"), "执照模糊"), REVIEWER);

        Job timeout = management.createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(Activity.SUPPLEMENT_TIMEOUT).singleResult();
        management.executeJob(timeout.getId());

        assertThat(instance).hasPassed(Activity.SUPPLEMENT_TIMEOUT, Activity.WITHDRAW, Activity.WITHDRAWN).isEnded();
        assertThat(changes.status(started.access()).state()).isEqualTo(ChangeState.WITHDRAWN);
        assertThat(changes.openDeregistration(uscc)).isEmpty();
    }

    @Test
    void theReviewIsDueAfterTheWorkingDaysOfTheCalendarAndOverdueGoesToSupervisors() {
        String uscc = RepresentativeFixture.account(context, LegalPersonType.INDIVIDUAL_BUSINESS);
        ChangeStarted started = submitted(uscc);
        ProcessInstance instance = afterChecks(started);

        Job overdue = management.createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(Activity.REVIEW_OVERDUE).singleResult();
        RepresentativeCase shown = reviews.reviewCase(started.number(), REVIEWER);
        ZonedDateTime expected = calendar.addWorkingDays(shown.submittedAt().atZoneSameInstant(calendar.zone()), 5);
        assertThat(overdue.getDuedate().toInstant()).isBetween(expected.toInstant().minusSeconds(60), expected.toInstant().plusSeconds(60));
        assertThat(calendar.workingDaysBetween(shown.submittedAt().atZoneSameInstant(calendar.zone()).toLocalDate(),
                overdue.getDuedate().toInstant().atZone(calendar.zone()).toLocalDate())).isEqualTo(5);

        ClockUtil.setCurrentTime(Date.from(overdue.getDuedate().toInstant().minusSeconds(60)));
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).timers().executable().count())
                .as("a minute before the due time, by the engine's fixed clock").isZero();
        ClockUtil.setCurrentTime(Date.from(overdue.getDuedate().toInstant().plusSeconds(1)));
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).timers().executable().count()).isEqualTo(1);
        management.executeJob(overdue.getId());

        assertThat(instance).hasPassed(Activity.ESCALATE, Activity.ESCALATED).isWaitingAt(Activity.FIRST_REVIEW);
        assertThat(task(instance, Activity.FIRST_REVIEW)).hasCandidateGroup(RepresentativeProcess.REVIEWERS)
                .hasCandidateGroup(RepresentativeProcess.SUPERVISORS);
        reviews.decideFirst(started.number(), new ReviewDecision.Approve(null), REVIEWER2);
        assertThat(instance).isWaitingAt(Activity.SECOND_APPROVAL);
    }

    @Test
    void anAccountDeregisteredMeanwhileStopsTheCaseAtTheAccountCheck() {
        String uscc = RepresentativeFixture.account(context, LegalPersonType.ENTERPRISE);
        ChangeStarted started = submitted(uscc);
        accounts.deregister(uscc, "logged in and deregistered", "OTHER-CASE", "test");
        ProcessInstance instance = afterChecks(started);

        assertThat(instance).hasPassed(Activity.CHECK_ACCOUNT, Activity.STOP_JOIN, Activity.RECORD_STOP, Activity.STOPPED).isEnded();
        assertThat(changes.status(started.access()).state()).isEqualTo(ChangeState.STOPPED);
        assertThat(messageKeys(started.number())).contains("representative.notice.stopped.sms");
    }

    @Test
    void aDocumentRemovedBeforeTheChecksStopsTheCaseAtTheDocumentCheck() {
        String uscc = RepresentativeFixture.account(context, LegalPersonType.ENTERPRISE);
        ChangeStarted started = submitted(uscc);
        // the store's record of one slot disappears (an operator's purge): the check must not let it through
        jdbc.sql("update document set slot = 'removed' where case_ref = :n and slot = 'signed-statement'")
                .param("n", started.number()).update();
        ProcessInstance instance = afterChecks(started);

        assertThat(instance).hasPassed(Activity.CHECK_DOCUMENTS, Activity.STOP_JOIN, Activity.RECORD_STOP, Activity.STOPPED).isEnded();
        assertThat(reviews.checks(started.number(), REVIEWER)).anySatisfy(c -> {
            assertThat(c.outcome()).isEqualTo("STOPPED");
            assertThat(c.message().key()).isEqualTo("representative.check.documents.missing");
        });
    }

    // ---- given ----------------------------------------------------------------------------------

    ChangeStarted submitted(String uscc) {
        ChangeStarted started = RepresentativeFixture.startedWithDocuments(context, uscc);
        changes.submit(started.access());
        return started;
    }

    ProcessInstance afterChecks(ChangeStarted started) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(started.number()).singleResult();
        assertThat(instance).isStarted().hasPassed(Activity.SUBMITTED);
        Job checks = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
        management.executeJob(checks.getId());
        return instance;
    }

    Task task(ProcessInstance instance, String activity) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activity).singleResult();
    }

    List<String> messageKeys(String number) {
        return jdbc.sql("select message_key from outbox_message where case_ref = :n order by id").param("n", number)
                .query(String.class).list();
    }
}
