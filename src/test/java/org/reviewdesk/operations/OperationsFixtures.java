package org.reviewdesk.operations;

import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * A small process of the tests' own: one asynchronous service task ({@link FlakyStep}) that fails
 * until healed. The test profile runs no job executor, so the tests execute the job themselves.
 */
final class OperationsFixtures {

    static final String PROCESS_KEY = "operationsTestCase";
    static final String PROCESS_NAME = "运维测试流程";
    static final String STEP = "callRegistry";
    static final String STEP_NAME = "调用登记系统";
    /** The engine's default: three attempts, then retries 0 and an incident. */
    static final int ATTEMPTS = 3;

    private final RuntimeService runtime;
    private final ManagementService management;

    OperationsFixtures(RepositoryService repository, RuntimeService runtime, ManagementService management) {
        this.runtime = runtime;
        this.management = management;
        if (repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).count() == 0) {
            BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS_KEY).name(PROCESS_NAME).camundaHistoryTimeToLive(1)
                    .startEvent()
                    .serviceTask(STEP).name(STEP_NAME).camundaAsyncBefore().camundaClass(FlakyStep.class.getName())
                    .endEvent().done();
            repository.createDeployment().addModelInstance(PROCESS_KEY + ".bpmn", model).deploy();
        }
    }

    /** A new case whose job has not run yet; returns its business key. */
    String start() {
        String businessKey = "OPS" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        runtime.startProcessInstanceByKey(PROCESS_KEY, businessKey);
        return businessKey;
    }

    /** A new case whose job failed on every attempt: retries 0 and an open incident. */
    String failed() {
        String businessKey = start();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                management.executeJob(job(businessKey).getId());
            } catch (RuntimeException expected) {
                // the job's failure: the engine counts it down in its own transaction
            }
        }
        return businessKey;
    }

    Job job(String businessKey) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult().getId();
        return management.createJobQuery().processInstanceId(instance).singleResult();
    }

    boolean ended(String businessKey) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count() == 0;
    }
}
