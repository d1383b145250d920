package org.reviewdesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.registration.ApplicantForm;
import org.reviewdesk.registration.DraftCreated;
import org.reviewdesk.registration.RegistrationService;
import org.reviewdesk.registration.TestDocuments;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.TestCodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A review task opened before the projection existed (its row missing) is projected at start-up, once. */
@ApplicationTest
class InboxBackfillTest {

    static final CurrentUser REVIEWER = new CurrentUser("reviewer", Set.of(Role.REVIEWER));

    @Autowired InboxBackfill backfill;

    @Autowired org.springframework.context.ApplicationContext context;
    @Autowired Inbox inbox;
    @Autowired RegistrationService registrations;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired JdbcClient jdbc;

    @Test
    void aTaskWithoutItsRowIsProjectedAndOnlyOnce() {
        String number = inReview();
        String taskId = jdbc.sql("select task_id from review_task where case_ref = :n").param("n", number).query(String.class).single();
        jdbc.sql("delete from review_task_group where task_id = :id").param("id", taskId).update();
        jdbc.sql("delete from review_task where task_id = :id").param("id", taskId).update();
        assertThat(inbox.find(taskId, REVIEWER)).isEmpty();

        assertThat(backfill.backfill()).isGreaterThanOrEqualTo(1);

        ReviewTask task = inbox.find(taskId, REVIEWER).orElseThrow();
        assertThat(task.caseRef()).isEqualTo(number);
        assertThat(task.candidateGroups()).containsExactly("reviewers");
        assertThat(task.title()).isEqualTo("深圳市回填测试有限公司");
        assertThat(backfill.backfill()).as("nothing left to project; applicants' tasks stay out").isZero();
    }

    private String inReview() {
        ApplicantForm form = new ApplicantForm(LegalPersonType.ENTERPRISE, "深圳市回填测试有限公司", TestCodes.uscc(LegalPersonType.ENTERPRISE),
                false, "张三", IdType.RESIDENT_ID, "11010519491231002X", "13812345678", false, null, null, null, null,
                "13812345678", null);
        DraftCreated draft = org.reviewdesk.registration.MobileProofFixture.createDraft(context, form);
        for (String slot : List.of("business-licence", "id-representative-front", "id-representative-back")) {
            registrations.upload(draft.access(), slot, slot + ".png", "image/png", new java.io.ByteArrayInputStream(TestDocuments.png()));
        }
        registrations.submit(draft.access(), true);
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(draft.applicationNumber()).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(instance).singleResult().getId());
        return draft.applicationNumber();
    }
}
