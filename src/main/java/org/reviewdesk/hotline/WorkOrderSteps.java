package org.reviewdesk.hotline;

import java.util.Locale;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.reviewdesk.platform.AuditLog;
import org.springframework.stereotype.Component;

/**
 * The service tasks of {@code work-order.bpmn}, run by the engine in its transaction (expressions on
 * this bean, {@code ${workOrderSteps.…}}).
 */
@Component("workOrderSteps")
public class WorkOrderSteps {

    private final WorkOrderRecords records;
    private final WorkOrders orders;
    private final TaskService tasks;
    private final AuditLog audit;

    WorkOrderSteps(WorkOrderRecords records, WorkOrders orders, TaskService tasks, AuditLog audit) {
        this.records = records;
        this.orders = orders;
        this.tasks = tasks;
        this.audit = audit;
    }

    /**
     * 督办: the sign-for limit passed. The order is marked overdue (red in the inbox and on the case
     * screen), and the sign task is offered to supervisors as well, who urge the unit or take it over.
     */
    public void escalateSign(DelegateExecution execution) {
        escalate(execution, WorkOrderProcess.Activity.SIGN, "SIGN_ESCALATED");
    }

    /**
     * 督办 of the handling limit (the category's working days, or the date of a granted extension),
     * as for signing: the order is marked overdue and the handle task is offered to supervisors too
     * (it stays the handler's; the inbox shows it red by its due date).
     */
    public void escalateHandle(DelegateExecution execution) {
        escalate(execution, WorkOrderProcess.Activity.HANDLE, "HANDLE_ESCALATED");
    }

    private void escalate(DelegateExecution execution, String waitingAt, String eventKind) {
        String number = execution.getProcessBusinessKey();
        WorkOrderRecords.Row row = records.byNumber(number.toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new IllegalStateException("No work order " + number));
        Task task = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(waitingAt).singleResult();
        if (task != null) {
            tasks.addCandidateGroup(task.getId(), WorkOrderProcess.SUPERVISORS);
        }
        records.set(row.id(), java.util.Map.of("overdue", true));
        records.event(row.id(), eventKind, WorkOrders.SYSTEM, row.unitCode(), orders.now());
        audit.record(WorkOrders.SYSTEM, "WORK_ORDER_ESCALATED", number, row.unitCode());
    }
}
