package org.reviewdesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.registration.ApplicantForm;
import org.reviewdesk.registration.DraftCreated;
import org.reviewdesk.registration.RegistrationProcess;
import org.reviewdesk.registration.RegistrationReview;
import org.reviewdesk.registration.RegistrationService;
import org.reviewdesk.registration.TestDocuments;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.TestCodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The first real process in the inbox: registration's review appears for reviewers, its escalation
 * (a timer adding supervisors through TaskService) shows, and the applicant's supplement task never
 * does; the rows carry registration's case summary (RegistrationCaseAdapter).
 */
@ApplicationTest
class RegistrationInboxTest {

    static final CurrentUser REVIEWER = new CurrentUser("reviewer", Set.of(Role.REVIEWER));
    static final CurrentUser SUPERVISOR_ONLY = new CurrentUser("supervisor", Set.of(Role.SUPERVISOR));

    @Autowired RegistrationService registrations;

    @Autowired org.springframework.context.ApplicationContext context;
    @Autowired RegistrationReview reviews;
    @Autowired Inbox inbox;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired JdbcClient jdbc;

    @Test
    void anOverdueReviewIsOfferedToSupervisorsInTheInbox() {
        DraftCreated draft = submitted();
        ProcessInstance instance = afterChecks(draft);
        Task review = tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(RegistrationProcess.Activity.REVIEW).singleResult();

        ReviewTask row = inbox.find(review.getId(), REVIEWER).orElseThrow();
        assertThat(row.candidateGroups()).containsExactly(RegistrationProcess.REVIEWERS);
        assertThat(row.businessKey()).isEqualTo(draft.applicationNumber());
        assertThat(row.dueAt()).isNotNull();
        assertThat(row.caseRef()).as("registration's case adapter").isEqualTo(draft.applicationNumber());
        assertThat(row.title()).isEqualTo("重庆示例贸易有限公司");
        assertThat(row.code()).isEqualTo(registrations.form(draft.access()).uscc());
        assertThat(inbox.page(new InboxQuery(InboxTab.UNCLAIMED, RegistrationProcess.KEY, row.code().toLowerCase(), null,
                InboxQuery.Sort.DUE, 0, 50), REVIEWER)).as("found by credit code").extracting(ReviewTask::taskId)
                .containsExactly(review.getId());
        assertThat(inbox.find(review.getId(), SUPERVISOR_ONLY)).as("supervisors see it in ALL").isPresent();
        assertThat(inbox.page(new InboxQuery(InboxTab.UNCLAIMED, RegistrationProcess.KEY, draft.applicationNumber(), null,
                InboxQuery.Sort.DUE, 0, 50), SUPERVISOR_ONLY)).as("but it is not yet offered to them").isEmpty();

        Job overdue = management.createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(RegistrationProcess.Activity.REVIEW_OVERDUE).singleResult();
        management.executeJob(overdue.getId());

        assertThat(inbox.find(review.getId(), REVIEWER).orElseThrow().candidateGroups())
                .containsExactly(RegistrationProcess.REVIEWERS, RegistrationProcess.SUPERVISORS);
        assertThat(inbox.page(new InboxQuery(InboxTab.UNCLAIMED, RegistrationProcess.KEY, draft.applicationNumber(), null,
                InboxQuery.Sort.DUE, 0, 50), SUPERVISOR_ONLY)).extracting(ReviewTask::taskId).containsExactly(review.getId());
    }

    @Test
    void theApplicantsSupplementTaskNeverAppearsAndTheReviewComesBack() {
        DraftCreated draft = submitted();
        ProcessInstance instance = afterChecks(draft);
        inbox.claim(reviewTask(instance).getId(), REVIEWER);

        reviews.decide(draft.applicationNumber(), ReviewDecision.RequestDocuments.of(
                List.of("business-licence"), "营业执照照片模糊"), REVIEWER);

        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(RegistrationProcess.Activity.SUPPLEMENT).count()).isOne();
        assertThat(projected(instance)).isZero();

        registrations.upload(draft.access(), "business-licence", "licence.png", "image/png", png());
        registrations.answerSupplement(draft.access());
        Task review = reviewTask(instance);
        assertThat(inbox.find(review.getId(), REVIEWER)).get().extracting(ReviewTask::assignee)
                .as("back to the reviewer who asked").isEqualTo("reviewer");
        assertThat(projected(instance)).isOne();

        reviews.decide(draft.applicationNumber(), new ReviewDecision.Approve(null), REVIEWER);
        assertThat(projected(instance)).isZero();
    }

    private long projected(ProcessInstance instance) {
        return jdbc.sql("select count(*) from review_task where process_instance_id = :id").param("id", instance.getId())
                .query(Long.class).single();
    }

    private Task reviewTask(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(RegistrationProcess.Activity.REVIEW).singleResult();
    }

    private DraftCreated submitted() {
        LegalPersonType type = LegalPersonType.ENTERPRISE;
        ApplicantForm form = new ApplicantForm(type, "重庆示例贸易有限公司", TestCodes.uscc(type), false, "张三",
                IdType.RESIDENT_ID, "11010519491231002X", "13812345678", false, null, null, null, null, "13812345678", null);
        DraftCreated draft = org.reviewdesk.registration.MobileProofFixture.createDraft(context, form);
        for (String slot : registrations.requiredSlots(type, false)) {
            registrations.upload(draft.access(), slot, slot + ".png", "image/png", png());
        }
        registrations.submit(draft.access(), true);
        return draft;
    }

    private ProcessInstance afterChecks(DraftCreated draft) {
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(draft.applicationNumber()).singleResult();
        management.executeJob(management.createJobQuery().processInstanceId(instance.getId()).singleResult().getId());
        return instance;
    }

    private static ByteArrayInputStream png() {
        return new ByteArrayInputStream(TestDocuments.png());
    }
}
