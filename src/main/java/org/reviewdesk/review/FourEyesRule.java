package org.reviewdesk.review;

import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
            TaskEntity justDone = earlier != null ? null : completedInThisCommand(task, earlierTaskKey).stream()
                    .filter(t -> actor.equals(t.getAssignee())).findFirst().orElse(null);
            if (earlier != null || justDone != null) {
                String caseRef = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
                audit.recordNow(actor, AUDIT_REFUSED, caseRef, "task " + task.getId() + " (" + task.getTaskDefinitionKey() + ") "
                        + task.getEventName() + " refused: " + earlierTaskKey + " completed by " + actor);
                String by = StaffNames.displayName(task.getProcessEngineServices().getIdentityService(), actor);
                String at = StaffNames.time(earlier == null ? ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC)
                        : earlier.getEndTime().toInstant().atOffset(ZoneOffset.UTC), time);
                // the step's name in the reader's language, resolved where the refusal is shown (view or API)
                String name = earlier == null ? justDone.getName() : earlier.getName();
                String processKey = earlier == null ? justDone.getProcessDefinition().getKey() : earlier.getProcessDefinitionKey();
                throw new UserFacingException("review.fourEyes.refused",
                        StepNames.resolvable(processKey, earlierTaskKey, name == null ? earlierTaskKey : name), by, at);
            }
        }
    }

    /** Whoever completed the earlier step of this task's instance: in the history, or in the command now running. */
    static Set<String> completers(DelegateTask task, String earlierTaskKey) {
        Set<String> completers = new LinkedHashSet<>();
        task.getProcessEngineServices().getHistoryService().createHistoricTaskInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).taskDefinitionKey(earlierTaskKey).finished().list().stream()
                .map(HistoricTaskInstance::getAssignee).filter(a -> a != null).forEach(completers::add);
        completedInThisCommand(task, earlierTaskKey).stream().map(TaskEntity::getAssignee).filter(a -> a != null)
                .forEach(completers::add);
        return completers;
    }

    /**
     * The earlier step's tasks of this instance ended in the command now running: the command that
     * completes the earlier step creates this one, and the history tables see the completion only at
     * its flush, so a history query alone would let an assignment in that command through.
     */
    private static List<TaskEntity> completedInThisCommand(DelegateTask task, String earlierTaskKey) {
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            return List.of();
        }
        DbEntityCache cache = command.getDbEntityManager().getDbEntityCache();
        return cache.getEntitiesByType(TaskEntity.class).stream()
                .filter(t -> earlierTaskKey.equals(t.getTaskDefinitionKey()))
                .filter(t -> Objects.equals(task.getProcessInstanceId(), t.getProcessInstanceId()))
                .filter(cache::isDeleted)
                .toList();
    }
}
