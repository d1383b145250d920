package org.reviewdesk.review;

import java.io.ByteArrayInputStream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.reviewdesk.registration.ApplicantForm;
import org.reviewdesk.registration.DraftCreated;
import org.reviewdesk.registration.MobileProofFixture;
import org.reviewdesk.registration.RegistrationService;
import org.reviewdesk.registration.TestDocuments;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.TestCodes;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Real registrations for the case search's tests: submitted with every document, then past the automated checks. */
final class CaseFixtures {

    private CaseFixtures() {
    }

    static DraftCreated submitted(ApplicationContext context, String name) {
        RegistrationService registrations = context.getBean(RegistrationService.class);
        LegalPersonType type = LegalPersonType.ENTERPRISE;
        ApplicantForm form = new ApplicantForm(type, name, TestCodes.uscc(type), false, "张三",
                IdType.RESIDENT_ID, "11010519491231002X", "13812345678", false, null, null, null, null, "13812345678", null);
        DraftCreated draft = MobileProofFixture.createDraft(context, form);
        for (String slot : registrations.requiredSlots(type, false)) {
            registrations.upload(draft.access(), slot, slot + ".png", "image/png", png());
        }
        registrations.submit(draft.access(), true);
        return draft;
    }

    /** Runs the checks' job; returns the review task's id. */
    static String afterChecks(ApplicationContext context, String number) {
        String instance = context.getBean(RuntimeService.class).createProcessInstanceQuery().processInstanceBusinessKey(number)
                .singleResult().getId();
        ManagementService management = context.getBean(ManagementService.class);
        management.executeJob(management.createJobQuery().processInstanceId(instance).singleResult().getId());
        return context.getBean(JdbcClient.class).sql("select task_id from review_task where process_instance_id = :id")
                .param("id", instance).query(String.class).single();
    }

    static ByteArrayInputStream png() {
        return new ByteArrayInputStream(TestDocuments.png());
    }
}
