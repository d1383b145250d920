package org.reviewdesk.namechange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.reviewdesk.namechange.NameChangeFixture.NEW_NAME;
import static org.reviewdesk.namechange.NameChangeFixture.OLD_NAME;
import static org.reviewdesk.namechange.NameChangeFixture.REVIEWER;
import static org.reviewdesk.namechange.NameChangeProcess.Activity;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.reviewdesk.rules.WorkingDayCalendar;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.ProcessCoverage;
import org.reviewdesk.accounts.AccountName;
import org.reviewdesk.accounts.EnterpriseAccount;
import org.reviewdesk.accounts.EnterpriseAccounts;
import org.reviewdesk.review.ReviewDecision;
import org.reviewdesk.rules.LegalPersonType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path of {@code name-change.bpmn} through the real services, engine, database and store:
 * given a submitted name change, when the checks, the reviewer or the applicant act, then the
 * process, the case and the account are where they should be. Camunda process test coverage holds
 * these tests to every flow node and sequence flow of the model.
 */
@ApplicationTest
class NameChangeProcessTest {

    @Autowired ApplicationContext context;
    @Autowired NameChanges changes;
    @Autowired NameChangeReview reviews;
    @Autowired EnterpriseAccounts accounts;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired JdbcClient jdbc;
    @Autowired WorkingDayCalendar calendar;

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
    void approvalRenamesTheAccountAndKeepsTheOldName() {
        String uscc = NameChangeFixture.account(context, LegalPersonType.ENTERPRISE);
        NameChangeStarted started = NameChangeFixture.started(context, uscc);
        ProcessInstance instance = afterChecks(started);

        assertThat(instance).isWaitingAt(Activity.REVIEW);
        assertThat(task(instance)).hasCandidateGroup(NameChangeProcess.REVIEWERS).isNotAssigned();
        assertThat(reviews.checks(started.number(), REVIEWER)).extracting(NameChangeReview.CheckLine::name, NameChangeReview.CheckLine::outcome)
                .contains(org.assertj.core.groups.Tuple.tuple("account", "PASSED"), org.assertj.core.groups.Tuple.tuple("name", "PASSED"),
                        org.assertj.core.groups.Tuple.tuple("textLayer", "PASSED"));
        assertThat(accounts.findActive(uscc).orElseThrow().name()).as("nothing happens before the review").isEqualTo(OLD_NAME);

        reviews.decide(started.number(), new ReviewDecision.Approve("执照与申请一致"), REVIEWER);

        assertThat(instance).hasPassed(Activity.RENAME, Activity.RENAMED).isEnded();
        EnterpriseAccount account = accounts.findActive(uscc).orElseThrow();
        assertThat(account.name()).isEqualTo(NEW_NAME);
        assertThat(accounts.names(account.id())).extracting(AccountName::name).containsExactly(OLD_NAME, NEW_NAME);
        assertThat(accounts.names(account.id()).get(1).caseRef()).isEqualTo(started.number());
        NameChangeStatus status = changes.status(access(started));
        assertThat(status.state()).isEqualTo(NameChangeState.RENAMED);
        assertThat(status.renamedAt()).isNotNull();
        assertThat(status.timeline()).extracting(NameChangeStatus.Entry::kind)
                .containsSubsequence("STARTED_WINDOW", "IN_REVIEW", "RENAMED");
        assertThat(messageKeys(started.number())).contains("namechange.notice.accessCode.sms", "namechange.notice.renamed.sms");
    }

    @Test
    void aRejectionKeepsTheNameAndTellsTheApplicantWhy() {
        String uscc = NameChangeFixture.account(context, LegalPersonType.ENTERPRISE);
        NameChangeStarted started = NameChangeFixture.started(context, uscc);
        ProcessInstance instance = afterChecks(started);

        assertThatThrownBy(() -> reviews.decide(started.number(), new ReviewDecision.Reject(List.of(), " "), REVIEWER))
                .hasFieldOrPropertyWithValue("messageKey", "namechange.review.reasonRequired");
        reviews.decide(started.number(), new ReviewDecision.Reject(List.of(), "执照为复印件且未盖章"), REVIEWER);

        assertThat(instance).hasPassed(Activity.RECORD_REJECTION, Activity.REJECTED).isEnded();
        assertThat(instance).hasNotPassed(Activity.RENAME);
        assertThat(accounts.findActive(uscc).orElseThrow().name()).isEqualTo(OLD_NAME);
        NameChangeStatus status = changes.status(access(started));
        assertThat(status.state()).isEqualTo(NameChangeState.REJECTED);
        assertThat(status.decisionText()).isEqualTo("执照为复印件且未盖章");
        assertThat(messageKeys(started.number())).contains("namechange.notice.rejected.sms");
    }

    @Test
    void theLicenceAskedForAgainIsAnsweredAndTheReviewGoesOn() {
        String uscc = NameChangeFixture.account(context, LegalPersonType.ENTERPRISE);
        NameChangeStarted started = context.getBean(NameChanges.class).startAtWindow(
                NameChangeFixture.request(uscc, NEW_NAME), NameChangeFixture.photo(), NameChangeFixture.CLERK, null);
        ProcessInstance instance = afterChecks(started);
        assertThat(instance).as("a licence without a text layer is flagged, not refused").isWaitingAt(Activity.REVIEW);
        assertThat(reviews.checks(started.number(), REVIEWER)).anySatisfy(c -> {
            assertThat(c.name()).isEqualTo("textLayer");
            assertThat(c.outcome()).isEqualTo("FLAGGED");
            assertThat(c.message().key()).isEqualTo("namechange.check.text.noTextLayer");
        });

        reviews.decide(started.number(), ReviewDecision.RequestDocuments.of(List.of(NameChanges.LICENCE_SLOT), "照片模糊，请上传电子执照"),
                REVIEWER);

        assertThat(instance).hasPassed(Activity.REQUEST_LICENCE).isWaitingAt(Activity.SUPPLY_LICENCE);
        NameChangeStatus waiting = changes.status(access(started));
        assertThat(waiting.state()).isEqualTo(NameChangeState.AWAITING_LICENCE);
        assertThat(waiting.requestReason()).contains("照片模糊");
        assertThat(messageKeys(started.number())).contains("namechange.notice.licenceRequested.sms");

        changes.supplyLicence(access(started), NameChangeFixture.licence(uscc, NEW_NAME));

        assertThat(instance).hasPassed(Activity.SUPPLY_LICENCE).isWaitingAt(Activity.REVIEW);
        NameChangeStatus resumed = changes.status(access(started));
        assertThat(resumed.state()).isEqualTo(NameChangeState.IN_REVIEW);
        assertThat(resumed.licenceVersions()).isEqualTo(2);
        assertThatThrownBy(() -> changes.supplyLicence(access(started), NameChangeFixture.photo()))
                .hasFieldOrPropertyWithValue("messageKey", "namechange.supply.notAwaited");
        reviews.decide(started.number(), new ReviewDecision.Approve(null), REVIEWER);
        assertThat(instance).isEnded();
        assertThat(accounts.findActive(uscc).orElseThrow().name()).isEqualTo(NEW_NAME);
    }

    @Test
    void anAccountDeregisteredMeanwhileStopsTheCaseAtTheAccountCheck() {
        String uscc = NameChangeFixture.account(context, LegalPersonType.ENTERPRISE);
        NameChangeStarted started = NameChangeFixture.started(context, uscc);
        accounts.deregister(uscc, "deregistered by its representative", "OTHER-CASE", "test");
        ProcessInstance instance = afterChecks(started);

        assertThat(instance).hasPassed(Activity.CHECK_ACCOUNT, Activity.CHECK_STOPPED, Activity.RECORD_STOP, Activity.STOPPED).isEnded();
        NameChangeStatus status = changes.status(access(started));
        assertThat(status.state()).isEqualTo(NameChangeState.STOPPED);
        assertThat(status.stopReason().key()).isEqualTo("namechange.check.account.none");
        assertThat(messageKeys(started.number())).contains("namechange.notice.stopped.sms");
    }

    @Test
    void aNameAlreadyTakenMeanwhileStopsTheCaseAtTheNameCheck() {
        String uscc = NameChangeFixture.account(context, LegalPersonType.ENTERPRISE);
        NameChangeStarted started = NameChangeFixture.started(context, uscc);
        accounts.rename(uscc, NEW_NAME, "OTHER-CASE", "test");
        ProcessInstance instance = afterChecks(started);

        assertThat(instance).hasPassed(Activity.CHECK_STOPPED, Activity.STOPPED).isEnded();
        assertThat(reviews.checks(started.number(), REVIEWER)).anySatisfy(c -> {
            assertThat(c.outcome()).isEqualTo("STOPPED");
            assertThat(c.message().key()).isEqualTo("namechange.check.name.same");
        });
    }

    @Test
    void theReviewIsDueAfterTheWorkingDaysOfTheCalendarAndOverdueGoesToSupervisors() {
        String uscc = NameChangeFixture.account(context, LegalPersonType.ENTERPRISE);
        NameChangeStarted started = NameChangeFixture.started(context, uscc);
        ProcessInstance instance = afterChecks(started);

        Job overdue = management.createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(Activity.REVIEW_OVERDUE).singleResult();
        OffsetDateTime submitted = jdbc.sql("select submitted_at from name_change where number = :n").param("n", started.number())
                .query(OffsetDateTime.class).single();
        ZonedDateTime expected = calendar.addWorkingDays(submitted.atZoneSameInstant(calendar.zone()), 5);
        assertThat(overdue.getDuedate().toInstant()).isBetween(expected.toInstant().minusSeconds(60), expected.toInstant().plusSeconds(60));
        assertThat(calendar.workingDaysBetween(submitted.atZoneSameInstant(calendar.zone()).toLocalDate(),
                overdue.getDuedate().toInstant().atZone(calendar.zone()).toLocalDate())).isEqualTo(5);
        assertThat(task(instance).getDueDate()).isEqualTo(overdue.getDuedate());
        assertThat(changes.status(access(started)).reviewDue()).isNotNull();

        ClockUtil.setCurrentTime(Date.from(overdue.getDuedate().toInstant().minusSeconds(60)));
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).timers().executable().count())
                .as("a minute before the due time, by the engine's fixed clock").isZero();
        ClockUtil.setCurrentTime(Date.from(overdue.getDuedate().toInstant().plusSeconds(1)));
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).timers().executable().count()).isEqualTo(1);
        management.executeJob(overdue.getId());

        assertThat(instance).hasPassed(Activity.ESCALATE, Activity.ESCALATED).isWaitingAt(Activity.REVIEW);
        assertThat(task(instance)).hasCandidateGroup(NameChangeProcess.REVIEWERS).hasCandidateGroup(NameChangeProcess.SUPERVISORS);
        assertThat(reviews.timeline(started.number(), REVIEWER)).extracting(NameChangeReview.TimelineLine::kind).contains("ESCALATED");
        reviews.decide(started.number(), new ReviewDecision.Approve(null), REVIEWER);
        assertThat(instance).isEnded();
    }

    @Test
    void askingForTheLicencePausesTheReviewClockAndTheAnswerResumesItWithTheDaysLeft() {
        String uscc = NameChangeFixture.account(context, LegalPersonType.ENTERPRISE);
        NameChangeStarted started = NameChangeFixture.started(context, uscc);
        ProcessInstance instance = afterChecks(started);
        reviews.decide(started.number(), ReviewDecision.RequestDocuments.of(List.of(NameChanges.LICENCE_SLOT), "请上传清晰的执照"),
                REVIEWER);
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).timers().count())
                .as("no overdue timer while the applicant has the case").isZero();
        assertThat(jdbc.sql("select review_days_left from name_change where number = :n").param("n", started.number())
                .query(Integer.class).single()).isBetween(4, 5);

        changes.supplyLicence(access(started), NameChangeFixture.licence(uscc, NEW_NAME));

        assertThat(instance).isWaitingAt(Activity.REVIEW);
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(Activity.REVIEW_OVERDUE).count())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from name_change where number = :n and review_days_left is null and review_due is not null")
                .param("n", started.number()).query(Integer.class).single()).as("the clock runs again").isEqualTo(1);
    }

    // ---- given ----------------------------------------------------------------------------------

    ProcessInstance afterChecks(NameChangeStarted started) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(started.number()).singleResult();
        assertThat(instance).isStarted().hasPassed(Activity.SUBMITTED);
        Job checks = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
        management.executeJob(checks.getId());
        return instance;
    }

    NameChangeAccess access(NameChangeStarted started) {
        return changes.open(started.number(), started.accessCode(), "203.0.113.7");
    }

    Task task(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(Activity.REVIEW).singleResult();
    }

    List<String> messageKeys(String number) {
        return jdbc.sql("select message_key from outbox_message where case_ref = :n order by id").param("n", number)
                .query(String.class).list();
    }
}
