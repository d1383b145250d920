package org.reviewdesk.registration;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.TestCodes;
import org.springframework.context.ApplicationContext;

/** Applications waiting for review, for the workbench's UI tests: submitted, their checks run. */
public final class ReviewFixture {

    public static final String REPRESENTATIVE_ID = "11010519491231002X";
    public static final String MOBILE = "13812345678";

    private ReviewFixture() {
    }

    /** An application in review and the applicant's proof of it (and the code, for the public API). */
    public record Applied(String number, ApplicantAccess access, String accessCode) {
    }

    /** Submits an enterprise's application and runs its checks job; returns the application number. */
    public static String inReview(ApplicationContext context, String enterpriseName) {
        return inReviewWithAccess(context, enterpriseName).number();
    }

    /** As {@link #inReview}, with the applicant's access for a later supplement. */
    public static Applied inReviewWithAccess(ApplicationContext context, String enterpriseName) {
        RegistrationService registrations = context.getBean(RegistrationService.class);
        LegalPersonType type = LegalPersonType.ENTERPRISE;
        ApplicantForm form = new ApplicantForm(type, enterpriseName, TestCodes.uscc(type), false, "张三",
                IdType.RESIDENT_ID, REPRESENTATIVE_ID, MOBILE, false, null, null, null, null, MOBILE, null);
        DraftCreated draft = org.reviewdesk.registration.MobileProofFixture.createDraft(context, form);
        for (String slot : registrations.requiredSlots(type, false)) {
            registrations.upload(draft.access(), slot, slot + ".png", "image/png", new ByteArrayInputStream(TestDocuments.png()));
        }
        registrations.submit(draft.access(), true);
        ProcessInstance instance = context.getBean(RuntimeService.class).createProcessInstanceQuery()
                .processInstanceBusinessKey(draft.applicationNumber()).singleResult();
        ManagementService management = context.getBean(ManagementService.class);
        Job checks = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
        management.executeJob(checks.getId());
        return new Applied(draft.applicationNumber(), draft.access(), draft.accessCode());
    }
}
