package org.reviewdesk.registration;


import org.reviewdesk.review.ReviewDecision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.reviewdesk.registration.RegistrationProcess.Activity;

import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
import org.reviewdesk.accounts.AccountStatus;
import org.reviewdesk.accounts.EnterpriseAccounts;
import org.reviewdesk.notifications.Outbox;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.review.StatedReason;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.TestCodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every path of {@code registration.bpmn} through the real service, engine, database and store:
 * given a submitted application, when the checks, the reviewer, the applicant or a timer act,
 * then the process, the application and the account are where they should be. Camunda process test
 * coverage enforces that these tests pass every flow node and every sequence flow of the model
 * ({@link ProcessCoverage#requireEveryElement}; the report is in target/process-test-coverage).
 */
@ApplicationTest
class RegistrationProcessTest {

    static final CurrentUser REVIEWER = new CurrentUser("reviewer", Set.of(Role.REVIEWER));
    static final CurrentUser REVIEWER2 = new CurrentUser("reviewer2", Set.of(Role.REVIEWER));
    static final CurrentUser SUPERVISOR = new CurrentUser("supervisor", Set.of(Role.SUPERVISOR));
    static final CurrentUser HOTLINE = new CurrentUser("hotline", Set.of(Role.HOTLINE_AGENT));
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Autowired RegistrationService registrations;

    @Autowired org.springframework.context.ApplicationContext context;
    @Autowired RegistrationReview reviews;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired EnterpriseAccounts accounts;
    @Autowired Outbox outbox;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    @BeforeAll
    static void everyElementOfTheModelMustBeCovered() {
        ProcessCoverage.requireEveryElement();
    }

    @BeforeEach
    void engine() {
        BpmnAwareTests.init(engine);
    }

    // ---- the paths ----------------------------------------------------------------------------

    @Test
    void approvingCreatesAnActiveAccountAndTellsTheApplicant() {
        DraftCreated draft = submitted(LegalPersonType.ENTERPRISE);
        ProcessInstance instance = afterChecks(draft);

        assertThat(instance).isWaitingAt(Activity.REVIEW);
        Task review = reviewTask(instance);
        assertThat(review).hasCandidateGroup(RegistrationProcess.REVIEWERS).isNotAssigned();
        assertThat(review.getDueDate()).isAfter(new Date());
        assertThat(status(draft).state()).isEqualTo(RegistrationState.IN_REVIEW);
        assertThat(reviews.checks(draft.applicationNumber(), REVIEWER))
                .extracting(CheckResult::outcome).containsOnly(CheckResult.Outcome.PASSED).hasSize(4);

        reviews.decide(draft.applicationNumber(), new ReviewDecision.Approve("材料齐全"), REVIEWER);

        assertThat(instance).hasPassed(Activity.OPEN_ACCOUNT).isEnded();
        assertThat(instance).hasPassed(Activity.APPROVED);
        String uscc = registrations.form(draft.access()).uscc();
        assertThat(accounts.findActive(uscc)).get().satisfies(account -> {
            assertThat(account.status()).isEqualTo(AccountStatus.ACTIVE);
            assertThat(account.name()).isEqualTo("深圳市示例科技有限公司");
        });
        ApplicationStatus status = status(draft);
        assertThat(status.state()).isEqualTo(RegistrationState.APPROVED);
        assertThat(status.timeline()).extracting(TimelineEntry::kind)
                .containsSubsequence("DRAFT_CREATED", "SUBMITTED", "IN_REVIEW", "APPROVED");
        assertThat(outbox.messagesFor(draft.applicationNumber())).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void rejectingKeepsTheReasonsAndOpensNoAccount() {
        DraftCreated draft = submitted(LegalPersonType.PUBLIC_INSTITUTION);
        ProcessInstance instance = afterChecks(draft);

        reviews.decide(draft.applicationNumber(), new ReviewDecision.Reject(
                List.of("DOCUMENT_INCONSISTENT", "OTHER"), "证书名称与填报名称不一致"), REVIEWER);

        assertThat(instance).hasPassed(Activity.RECORD_REJECTION, Activity.REJECTED).isEnded();
        ApplicationStatus status = status(draft);
        assertThat(status.state()).isEqualTo(RegistrationState.REJECTED);
        assertThat(status.rejectionReasons()).extracting(StatedReason::code)
                .containsExactly("DOCUMENT_INCONSISTENT", "OTHER");
        assertThat(status.decisionText()).isEqualTo("证书名称与填报名称不一致");
        assertThat(accounts.findActive(registrations.form(draft.access()).uscc())).isEmpty();
    }

    @Test
    void aSupplementPausesTheClockAndTheReviewGoesOnWithTheNewVersion() {
        DraftCreated draft = submitted(LegalPersonType.ENTERPRISE);
        ProcessInstance instance = afterChecks(draft);

        reviews.decide(draft.applicationNumber(), ReviewDecision.RequestDocuments.of(
                List.of("business-licence"), "营业执照照片模糊，请重新上传清晰的扫描件"), REVIEWER);

        assertThat(instance).isWaitingAt(Activity.SUPPLEMENT);
        ApplicationStatus waiting = status(draft);
        assertThat(waiting.state()).isEqualTo(RegistrationState.AWAITING_SUPPLEMENT);
        assertThat(waiting.reviewDue()).as("the review clock is paused").isNull();
        assertThat(waiting.supplement().slots()).containsExactly("business-licence");
        assertThat(waiting.supplement().due()).isAfter(OffsetDateTime.now());
        assertThat(registrations.uploadable(draft.access(), "id-representative-front")).isFalse();
        assertThatThrownBy(() -> registrations.answerSupplement(draft.access()))
                .isInstanceOf(FormRefusedException.class)
                .satisfies(e -> assertThat(((FormRefusedException) e).errors()).extracting(FieldError::field)
                        .containsExactly(FormField.DOCUMENTS));

        registrations.upload(draft.access(), "business-licence", "营业执照-清晰.png", "image/png", png());
        registrations.answerSupplement(draft.access());

        assertThat(instance).isWaitingAt(Activity.REVIEW);
        assertThat(status(draft).state()).isEqualTo(RegistrationState.IN_REVIEW);
        assertThat(status(draft).documents().get("business-licence").version()).isEqualTo(2);
        Task review = reviewTask(instance);
        assertThat(review).as("the same reviewer continues").isAssignedTo(REVIEWER.username());
        reviews.decide(draft.applicationNumber(), new ReviewDecision.Approve(null), REVIEWER);
        assertThat(instance).hasPassed(Activity.REQUEST_SUPPLEMENT, Activity.SUPPLEMENT, Activity.OPEN_ACCOUNT).isEnded();
    }

    @Test
    void noAnswerToASupplementInTimeWithdrawsTheApplication() {
        DraftCreated draft = submitted(LegalPersonType.SOCIAL_ORGANISATION);
        ProcessInstance instance = afterChecks(draft);
        reviews.decide(draft.applicationNumber(), ReviewDecision.RequestDocuments.of(
                List.of("social-organisation-certificate"), "证书已过有效期"), REVIEWER);

        Job timeout = management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        assertThat(timeout.getDuedate()).isAfter(new Date());
        management.executeJob(timeout.getId());

        assertThat(instance).hasPassed(Activity.SUPPLEMENT_TIMEOUT, Activity.WITHDRAW, Activity.WITHDRAWN).isEnded();
        assertThat(status(draft).state()).isEqualTo(RegistrationState.WITHDRAWN);
        String uscc = registrations.form(draft.access()).uscc();
        assertThat(jdbc.sql("select count(*) from registration_application where open_uscc = :c").param("c", uscc)
                .query(Integer.class).single()).as("the code is free again").isZero();
    }

    @Test
    void anOverdueReviewIsOfferedToSupervisorsAndStaysWithTheReviewers() {
        DraftCreated draft = submitted(LegalPersonType.ORGAN);
        ProcessInstance instance = afterChecks(draft);

        Job overdue = management.createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(Activity.REVIEW_OVERDUE).singleResult();
        management.executeJob(overdue.getId());

        assertThat(instance).hasPassed(Activity.ESCALATE, Activity.ESCALATED).isWaitingAt(Activity.REVIEW);
        Task review = reviewTask(instance);
        assertThat(review).hasCandidateGroup(RegistrationProcess.REVIEWERS).hasCandidateGroup(RegistrationProcess.SUPERVISORS);
        assertThat(reviews.timeline(draft.applicationNumber(), SUPERVISOR)).extracting(TimelineEntry::kind).contains("ESCALATED");
        assertThat(status(draft).timeline()).as("staff acts stay off the applicant's timeline")
                .extracting(TimelineEntry::kind).doesNotContain("ESCALATED");

        reviews.decide(draft.applicationNumber(), new ReviewDecision.Approve(null), SUPERVISOR);
        assertThat(instance).isEnded();
    }

    @Test
    void aSichuanCodeStopsAtTheCreditCodeCheck() {
        DraftCreated draft = submitted(LegalPersonType.ENTERPRISE);
        // the form refuses Sichuan codes; a row changed behind the form's back still stops here
        jdbc.sql("update registration_application set uscc = :c, open_uscc = :c where number = :n")
                .param("c", TestCodes.sichuanUscc(LegalPersonType.ENTERPRISE)).param("n", draft.applicationNumber()).update();

        ProcessInstance instance = afterChecks(draft);

        assertStopped(draft, instance, Activity.CHECK_CREDIT_CODE, "registration.uscc.sichuan");
    }

    @Test
    void anAccountOpenedMeanwhileStopsAtTheExistingRegistrationsCheck() {
        DraftCreated draft = submitted(LegalPersonType.ENTERPRISE);
        String uscc = registrations.form(draft.access()).uscc();
        new TransactionTemplate(transactions).executeWithoutResult(s ->
                accounts.open(uscc, "深圳市示例科技有限公司", LegalPersonType.ENTERPRISE, "李四", "OFFLINE-1", "window"));

        ProcessInstance instance = afterChecks(draft);

        assertStopped(draft, instance, Activity.CHECK_EXISTING, "registration.uscc.activeAccount");
    }

    @Test
    void anInvalidIdNumberStopsAtTheIdentityCheck() {
        DraftCreated draft = submitted(LegalPersonType.ENTERPRISE);
        jdbc.sql("update registration_application set rep_id_number = '110105194912310021' where number = :n")
                .param("n", draft.applicationNumber()).update();

        ProcessInstance instance = afterChecks(draft);

        assertStopped(draft, instance, Activity.CHECK_IDENTITIES, "rules.id.checkDigitMismatch");
    }

    @Test
    void aMissingDocumentStopsAtTheDocumentCheck() {
        DraftCreated draft = submitted(LegalPersonType.ENTERPRISE);
        // an agent now applies: the agent's documents were never uploaded
        jdbc.sql("update registration_application set agent_applies = true, agent_name = '王五', agent_id_type = 'RESIDENT_ID', "
                        + "agent_id_number = '440524188001010014', agent_mobile = '13912345678' where number = :n")
                .param("n", draft.applicationNumber()).update();

        ProcessInstance instance = afterChecks(draft);

        assertStopped(draft, instance, Activity.CHECK_DOCUMENTS, "registration.documents.missing.agent-authorisation");
    }

    // ---- the rules of the review task ----------------------------------------------------------

    @Test
    void onlyTheAssigneeDecidesAClaimedTask() {
        DraftCreated draft = submitted(LegalPersonType.INDIVIDUAL_BUSINESS);
        ProcessInstance instance = afterChecks(draft);
        tasks.claim(reviewTask(instance).getId(), REVIEWER.username());

        assertThatThrownBy(() -> reviews.decide(draft.applicationNumber(), new ReviewDecision.Approve(null), REVIEWER2))
                .isInstanceOf(UserFacingException.class)
                .hasFieldOrPropertyWithValue("messageKey", "review.decide.assignedToOther");
        assertThat(instance).isWaitingAt(Activity.REVIEW);
    }

    @Test
    void aSupervisorIsNoCandidateBeforeTheReviewIsOverdue() {
        DraftCreated draft = submitted(LegalPersonType.ENTERPRISE);
        ProcessInstance instance = afterChecks(draft);

        assertThatThrownBy(() -> reviews.decide(draft.applicationNumber(), new ReviewDecision.Approve(null), SUPERVISOR))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reviews.decide(draft.applicationNumber(), new ReviewDecision.Approve(null), HOTLINE))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(instance).isWaitingAt(Activity.REVIEW);
    }

    @Test
    void aSecondDecisionSaysWhoDecidedAndWhen() {
        DraftCreated draft = submitted(LegalPersonType.ENTERPRISE);
        afterChecks(draft);
        reviews.decide(draft.applicationNumber(), new ReviewDecision.Approve(null), REVIEWER);

        assertThatThrownBy(() -> reviews.decide(draft.applicationNumber(), new ReviewDecision.Reject(
                List.of("OTHER"), "迟到的决定"), REVIEWER2))
                .isInstanceOf(UserFacingException.class)
                .hasFieldOrPropertyWithValue("messageKey", "registration.review.alreadyDecided");
    }

    @Test
    void incompleteDecisionsAreRefusedAndTheTaskStays() {
        DraftCreated draft = submitted(LegalPersonType.ENTERPRISE);
        ProcessInstance instance = afterChecks(draft);
        String number = draft.applicationNumber();

        assertRefused(() -> reviews.decide(number, new ReviewDecision.Reject(List.of(), "x"), REVIEWER), "registration.review.reasonRequired");
        assertRefused(() -> reviews.decide(number, new ReviewDecision.Reject(List.of("OTHER"), " "), REVIEWER), "registration.review.reasonNeedsText");
        assertRefused(() -> reviews.decide(number, ReviewDecision.RequestDocuments.of(List.of(), "x"), REVIEWER), "registration.review.slotsRequired");
        assertRefused(() -> reviews.decide(number, ReviewDecision.RequestDocuments.of(List.of("agent-authorisation"), "x"), REVIEWER), "registration.review.unknownSlot");
        assertRefused(() -> reviews.decide(number, ReviewDecision.RequestDocuments.of(List.of("business-licence"), ""), REVIEWER), "registration.review.verdictReasonRequired");

        assertThat(instance).isWaitingAt(Activity.REVIEW);
        assertThat(reviewTask(instance)).as("a refused decision claims nothing").isNotAssigned();
    }

    // ---- given ----------------------------------------------------------------------------------

    /** A submitted application of {@code type} (no agent) with all its documents, checks not yet run. */
    DraftCreated submitted(LegalPersonType type) {
        ApplicantForm form = new ApplicantForm(type, "深圳市示例科技有限公司", TestCodes.uscc(type), false, "张三",
                IdType.RESIDENT_ID, "11010519491231002X", "13812345678", false, null, null, null, null, "13812345678", null);
        DraftCreated draft = org.reviewdesk.registration.MobileProofFixture.createDraft(context, form);
        for (String slot : registrations.requiredSlots(type, false)) {
            registrations.upload(draft.access(), slot, slot + ".png", "image/png", png());
        }
        registrations.submit(draft.access(), true);
        return draft;
    }

    /** Runs the job after the submit: the automated checks and what follows up to the next wait. */
    ProcessInstance afterChecks(DraftCreated draft) {
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(draft.applicationNumber()).singleResult();
        assertThat(instance).isStarted().hasPassed(Activity.SUBMITTED);
        Job checks = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
        management.executeJob(checks.getId());
        return instance;
    }

    ApplicationStatus status(DraftCreated draft) {
        return registrations.status(draft.access());
    }

    Task reviewTask(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(Activity.REVIEW).singleResult();
    }

    void assertStopped(DraftCreated draft, ProcessInstance instance, String check, String messageKey) {
        assertThat(instance).hasPassed(check, Activity.RECORD_STOP, Activity.STOPPED).isEnded();
        assertThat(instance).hasNotPassed(Activity.REVIEW);
        assertThat(status(draft).state()).isEqualTo(RegistrationState.STOPPED);
        assertThat(registrations.stopReasons(draft.access())).singleElement()
                .satisfies(stop -> assertThat(stop.message().key()).isEqualTo(messageKey));
    }

    static void assertRefused(Runnable act, String messageKey) {
        assertThatThrownBy(act::run).isInstanceOf(UserFacingException.class).hasFieldOrPropertyWithValue("messageKey", messageKey);
    }

    static ByteArrayInputStream png() {
        return new ByteArrayInputStream(TestDocuments.png());
    }
}
