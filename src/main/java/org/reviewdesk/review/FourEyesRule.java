package org.reviewdesk.review;

import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.reviewdesk.platform.AuditLog;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.UserFacingException;

/**
 * The listener of one four-eyes task (see {@link FourEyesParseListener}). On assignment it checks the new
 * assignee; on completion the assignee and the engine's authenticated user, if any. A refusal throws,
 * so the engine's transaction rolls back and nothing changes; the refusal itself is audited in a
 * transaction of its own so the attempt is on record.
 */
class FourEyesRule implements TaskListener {

    static final String AUDIT_REFUSED = "review.fourEyes.refused";

    private final String earlierTaskKey;
    private final AuditLog audit;
    private final BusinessTime time;

    FourEyesRule(String earlierTaskKey, AuditLog audit, BusinessTime time) {
        this.earlierTaskKey = earlierTaskKey;
        this.audit = audit;
        this.time = time;
    }

    @Override
    public void notify(DelegateTask task) {
        Set<String> actors = new LinkedHashSet<>();
        if (task.getAssignee() != null) {
            actors.add(task.getAssignee());
        }
        if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            if (current != null && current.getUserId() != null) {
                actors.add(current.getUserId());
            }
        }
        for (String actor : actors) {
            HistoricTaskInstance earlier = task.getProcessEngineServices().getHistoryService().createHistoricTaskInstanceQuery()
                    .processInstanceId(task.getProcessInstanceId())
                    .taskDefinitionKey(earlierTaskKey)
                    .taskAssignee(actor)
                    .finished()
                    .orderByHistoricTaskInstanceEndTime().desc()
                    .listPage(0, 1).stream().findFirst().orElse(null);
            if (earlier != null) {
                String caseRef = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
                audit.recordNow(actor, AUDIT_REFUSED, caseRef, "task " + task.getId() + " (" + task.getTaskDefinitionKey() + ") "
                        + task.getEventName() + " refused: " + earlierTaskKey + " completed by " + actor);
                String by = StaffNames.displayName(task.getProcessEngineServices().getIdentityService(), actor);
                String at = StaffNames.time(earlier.getEndTime().toInstant().atOffset(ZoneOffset.UTC), time);
                // the step's name in the reader's language, resolved where the refusal is shown (view or API)
                String modelName = earlier.getName() == null ? earlierTaskKey : earlier.getName();
                throw new UserFacingException("review.fourEyes.refused",
                        StepNames.resolvable(earlier.getProcessDefinitionKey(), earlierTaskKey, modelName), by, at);
            }
        }
    }
}
