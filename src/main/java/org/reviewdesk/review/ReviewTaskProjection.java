package org.reviewdesk.review;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the inbox projection ({@code review_task}, {@code review_task_group}) from the engine's
 * task events, in the engine's transaction (Spring-managed: the listener's JDBC statements use the
 * same connection), so the inbox and the engine never disagree after a commit.
 *
 * <p>Only staff tasks are projected: a user task with neither a candidate group nor an assignee is
 * an applicant's (registration's {@code supplement}) and never appears. {@code update} is fired by
 * the engine for every {@code TaskService} change of the task, including
 * {@code addCandidateGroup}/{@code deleteCandidateGroup} (Camunda 7.24's
 * {@code AbstractSetTaskPropertyCmd} and {@code DeleteIdentityLinkCmd} trigger it), so escalation to
 * supervisors shows; a change made
 * on the entity inside a listener or delegate ({@code delegateTask.addCandidateGroup}) fires no
 * event and is seen only at the task's next event.
 */
@Component
class ReviewTaskProjection {

    private final JdbcClient jdbc;
    private final CaseAdapters adapters;
    private final Clock clock;

    ReviewTaskProjection(JdbcClient jdbc, CaseAdapters adapters, Clock clock) {
        this.jdbc = jdbc;
        this.adapters = adapters;
        this.clock = clock;
    }

    /** The listener for the user tasks of one process. */
    TaskListener listener(String processKey) {
        return task -> {
            switch (task.getEventName()) {
                case TaskListener.EVENTNAME_CREATE -> created(processKey, task);
                case TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_UPDATE -> changed(processKey, task);
                case TaskListener.EVENTNAME_COMPLETE -> {
                    outcome(processKey, task);
                    removed(task.getId());
                }
                case TaskListener.EVENTNAME_DELETE -> removed(task.getId());
                default -> { }
            }
        };
    }

    void created(String processKey, DelegateTask task) {
        List<String> groups = candidateGroups(task);
        if (groups.isEmpty() && task.getAssignee() == null) {
            return;
        }
        String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        Optional<CaseSummary> summary = adapters.summary(processKey, businessKey);
        OffsetDateTime created = time(task.getCreateTime());
        if (created == null) {
            created = OffsetDateTime.now(clock);
        }
        String title = summary.map(CaseSummary::title).orElse(null);
        jdbc.sql("""
                insert into review_task (task_id, process_key, process_instance_id, business_key, task_key, task_name,
                    assignee, assigned_at, created_at, due_at, priority, case_ref, title, title_lower, code, received_at)
                values (:id, :processKey, :instance, :businessKey, :taskKey, :name, :assignee, :assignedAt, :created,
                    :due, :priority, :caseRef, :title, :titleLower, :code, :received)""")
                .param("id", task.getId())
                .param("processKey", processKey)
                .param("instance", task.getProcessInstanceId())
                .param("businessKey", businessKey)
                .param("taskKey", task.getTaskDefinitionKey())
                .param("name", truncate(task.getName(), 255))
                .param("assignee", task.getAssignee())
                .param("assignedAt", task.getAssignee() == null ? null : created)
                .param("created", created)
                .param("due", time(task.getDueDate()))
                .param("priority", task.getPriority())
                .param("caseRef", summary.map(CaseSummary::caseRef).orElse(businessKey))
                .param("title", truncate(title, 500))
                .param("titleLower", truncate(lower(title), 500))
                .param("code", summary.map(CaseSummary::code).map(c -> c.toUpperCase(Locale.ROOT)).orElse(null))
                .param("received", summary.map(CaseSummary::receivedAt).orElse(created))
                .update();
        insertGroups(task.getId(), groups, task.getAssignee(), time(task.getDueDate()));
        WrittenInTransaction.same(task.getId(), new WrittenInTransaction.Written(task.getAssignee(), time(task.getDueDate()), task.getPriority(),
                truncate(task.getName(), 255), groups));
    }

    void changed(String processKey, DelegateTask task) {
        List<String> groups = candidateGroups(task);
        if (groups.isEmpty() && task.getAssignee() == null) {
            removed(task.getId());
            return;
        }
        OffsetDateTime due = time(task.getDueDate());
        WrittenInTransaction.Written state = new WrittenInTransaction.Written(task.getAssignee(), due, task.getPriority(), truncate(task.getName(), 255), groups);
        if (WrittenInTransaction.same(task.getId(), state)) {
            // a claim fires assignment and then update with the same task: the row says so already
            return;
        }
        // the assignment time changes only when the assignee does (compared with the row, in the statement)
        int updated = jdbc.sql("""
                        update review_task set
                            assigned_at = case when assignee is distinct from :assignee then :assignedAt else assigned_at end,
                            assigned_reason = case when assignee is distinct from :assignee then null else assigned_reason end,
                            assignee = :assignee, due_at = :due, priority = :priority, task_name = :name
                        where task_id = :id""")
                .param("assignee", state.assignee(), java.sql.Types.VARCHAR)
                .param("assignedAt", state.assignee() == null ? null : OffsetDateTime.now(clock), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("due", due)
                .param("priority", state.priority())
                .param("name", state.name())
                .param("id", task.getId())
                .update();
        if (updated == 0) {
            // not projected yet: a task that became a staff task later
            created(processKey, task);
            return;
        }
        jdbc.sql("delete from review_task_group where task_id = :id").param("id", task.getId()).update();
        insertGroups(task.getId(), groups, task.getAssignee(), due);
    }

    /**
     * The outcome of a decision of a process that reviews applications, for the dashboard: the variable
     * its service completed the task with, read while the completion runs (a staff task's decider is its
     * assignee; an applicant's task has none and records nothing).
     */
    private void outcome(String processKey, DelegateTask task) {
        if (task.getAssignee() == null || adapters.of(processKey).filter(CaseAdapter::reviewsApplications).isEmpty()) {
            return;
        }
        DecisionOutcome.of(task.getVariable(DecisionOutcome.VARIABLE)).ifPresent(outcome -> jdbc.sql(
                        "insert into review_outcome (task_id, process_key, outcome) values (:id, :processKey, :outcome)")
                .param("id", task.getId()).param("processKey", processKey).param("outcome", outcome.name()).update());
    }

    void removed(String taskId) {
        WrittenInTransaction.forget(taskId);
        // its group rows go with it (on delete cascade)
        jdbc.sql("delete from review_task where task_id = :id").param("id", taskId).update();
    }

    private void insertGroups(String taskId, List<String> groups, String assignee, OffsetDateTime due) {
        for (String group : groups) {
            jdbc.sql("insert into review_task_group (task_id, group_id, assignee, due_at) values (:id, :group, :assignee, :due)")
                    .param("id", taskId).param("group", group).param("assignee", assignee).param("due", due)
                    .update();
        }
    }

    /**
     * The task's candidate groups now. {@code TaskService.deleteCandidateGroup} marks the link deleted
     * in the command's entity cache but leaves it in the task's loaded list until the flush, so
     * deleted links are filtered out here.
     */
    private static List<String> candidateGroups(DelegateTask task) {
        CommandContext command = Context.getCommandContext();
        DbEntityCache cache = command == null ? null : command.getDbEntityManager().getDbEntityCache();
        return task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .filter(link -> cache == null || !(link instanceof DbEntity entity) || !cache.isDeleted(entity))
                .map(link -> link.getGroupId())
                .distinct().sorted().toList();
    }

    static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    private static OffsetDateTime time(Date date) {
        return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
