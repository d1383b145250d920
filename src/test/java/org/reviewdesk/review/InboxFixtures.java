package org.reviewdesk.review;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.reviewdesk.platform.CurrentUser;

/**
 * A small process of the tests' own: a staff task offered to the groups in variable {@code groups}
 * with due date and priority from variables, then an applicant's task with no candidate at all. The
 * model keeps one name per step; readers see the names of test-messages/processes.
 */
final class InboxFixtures {

    static final String PROCESS_KEY = "inboxTestCase";
    static final String STAFF_TASK = "check";
    static final String APPLICANT_TASK = "applicantAnswers";

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final TaskService tasks;

    InboxFixtures(RepositoryService repository, RuntimeService runtime, TaskService tasks) {
        this.repository = repository;
        this.runtime = runtime;
        this.tasks = tasks;
        if (repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).count() == 0) {
            BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS_KEY).camundaHistoryTimeToLive(1)
                    .startEvent()
                    .userTask(STAFF_TASK).name("核对").camundaCandidateGroups("${groups}")
                    .camundaDueDate("${due}").camundaPriority("${priority}")
                    .userTask(APPLICANT_TASK).name("申请人补充")
                    .endEvent().done();
            repository.createDeployment().addModelInstance(PROCESS_KEY + ".bpmn", model).deploy();
        }
    }

    /** A case with a fresh number, code and the title given; its staff task is returned. */
    Task start(String title, String groups, OffsetDateTime due, int priority, OffsetDateTime received) {
        String number = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        String code = "91" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
        TestCaseAdapter.CASES.put(number, new CaseSummary(number, title, code, received));
        String instance = runtime.startProcessInstanceByKey(PROCESS_KEY, number, Variables.createVariables()
                .putValue("groups", groups)
                .putValue("due", due == null ? null : Date.from(due.toInstant()))
                .putValue("priority", priority)).getId();
        return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(STAFF_TASK).singleResult();
    }

    /** The unclaimed task of case {@code caseRef} as {@code user} finds it in the inbox (the first, if several). */
    static String unclaimedTaskOf(Inbox inbox, String caseRef, CurrentUser user) {
        return inbox.page(new InboxQuery(InboxTab.UNCLAIMED, null, caseRef, null, InboxQuery.Sort.DUE, 0, 10), user)
                .get(0).taskId();
    }

    static String marker() {
        return "标记" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
