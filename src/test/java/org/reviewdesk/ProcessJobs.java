package org.reviewdesk;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** The due jobs of a case's process, run as a node's job executor would (the tests switch the executor off). */
public final class ProcessJobs {

    private ProcessJobs() {
    }

    /** Runs the case's due jobs, and those they make due, until none is left (or the instance ended). */
    public static void runDue(RuntimeService runtime, ManagementService management, String businessKey) {
        ProcessInstance running = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult();
        if (running == null) {
            return; // ended already
        }
        for (int round = 0; round < 20; round++) {
            List<Job> due = management.createJobQuery().processInstanceId(running.getId()).executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
    }
}
