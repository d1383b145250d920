package org.reviewdesk.review;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One open staff task as the inbox projection holds it (table {@code review_task}), joined to its
 * case's summary. Kept in step with Camunda's task by listeners in the same transaction.
 *
 * @param candidateGroups the Camunda groups the task is offered to
 * @param assignee the username of whoever claimed it, or null
 * @param dueAt when it is due, or null
 * @param autoAssigned whether the assignee holds it by automatic assignment ({@link AutoAssignment}), not by
 *     their claim or a supervisor's act
 */
public record ReviewTask(
        String taskId,
        String processKey,
        String processInstanceId,
        String businessKey,
        String taskKey,
        String taskName,
        List<String> candidateGroups,
        String assignee,
        OffsetDateTime createdAt,
        OffsetDateTime dueAt,
        int priority,
        String caseRef,
        String title,
        String code,
        OffsetDateTime receivedAt,
        boolean autoAssigned) {

    public ReviewTask {
        candidateGroups = List.copyOf(candidateGroups);
    }

    /** A task its assignee holds by claim or a supervisor's act (or nobody holds). */
    public ReviewTask(String taskId, String processKey, String processInstanceId, String businessKey, String taskKey,
                      String taskName, List<String> candidateGroups, String assignee, OffsetDateTime createdAt,
                      OffsetDateTime dueAt, int priority, String caseRef, String title, String code, OffsetDateTime receivedAt) {
        this(taskId, processKey, processInstanceId, businessKey, taskKey, taskName, candidateGroups, assignee, createdAt, dueAt,
                priority, caseRef, title, code, receivedAt, false);
    }

    /**
     * No task: a case shown on its read-only page, for a {@link CaseAdapter#workbench} that then leaves
     * out its decision and claim controls ({@link #isReadOnly()}).
     */
    public static ReviewTask readOnly(String processKey, String caseRef) {
        return new ReviewTask(null, processKey, null, caseRef, null, null, List.of(), null, null, null, 0, caseRef, null, null, null);
    }

    public boolean isReadOnly() {
        return taskId == null;
    }
}
