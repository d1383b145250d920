package org.reviewdesk;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.context.ApplicationContext;

/** The tests run without the job executor: a case's due asynchronous steps (its automated checks), run by hand. */
public final class CaseJobs {

    private CaseJobs() {
    }

    /** Runs the due jobs of the case's process instance until none is left (timers in the future stay). */
    public static void runAll(ApplicationContext context, String businessKey) {
        String instance = context.getBean(RuntimeService.class).createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .singleResult().getId();
        ManagementService management = context.getBean(ManagementService.class);
        for (int i = 0; i < 20; i++) {
            Job job = management.createJobQuery().processInstanceId(instance).executable().listPage(0, 1).stream().findFirst()
                    .orElse(null);
            if (job == null) {
                return;
            }
            management.executeJob(job.getId());
        }
        throw new IllegalStateException("case " + businessKey + " keeps making jobs");
    }
}
