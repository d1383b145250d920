package org.reviewdesk.review;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reviewdesk.platform.CurrentUser;

/**
 * The task inbox of every process, read from the projection table (never Camunda's TaskQuery with
 * variable filters), and the task acts that need no process knowledge. Every method checks the
 * user's role and what the user may see: a worker sees tasks offered to their groups (the BPMN's
 * candidate groups) or assigned to them; whoever supervises a process ({@link Handlers}, declared by
 * its {@link CaseAdapter}) also sees all of that process's open tasks (ALL). Acting on a task someone else already handled is refused with
 * who and when ({@code review.task.alreadyHandled}), never a stack trace.
 */
public interface Inbox {

    List<ReviewTask> page(InboxQuery query, CurrentUser user);

    long count(InboxQuery query, CurrentUser user);

    /** Counts of every tab the user may see, with no filter. */
    Map<InboxTab, Long> tabCounts(CurrentUser user);

    /** The task if the user may see it; empty for a task of other groups (no hint that it exists). */
    Optional<ReviewTask> find(String taskId, CurrentUser user);

    /** Claims an unassigned task offered to one of the user's groups. */
    void claim(String taskId, CurrentUser user);

    /** Gives back a task the user holds (its process's supervisors: any task). */
    void unclaim(String taskId, CurrentUser user);

    /** Its process's supervisors: assigns a task to a member of one of its candidate groups. */
    void assign(String taskId, String assignee, CurrentUser user);

    /**
     * Supervisors: the staff a task may be given to, members of any of the tasks' candidate groups,
     * in the order of their names.
     */
    List<Colleague> candidates(Collection<String> taskIds, CurrentUser user);

    /** Supervisors: the staff who hold open tasks now, for the assignee filter. */
    List<Colleague> assignees(CurrentUser user);

    /** The adapter of a process, for the review view. */
    Optional<CaseAdapter> adapter(String processKey);

    /** Whether the user supervises this process: sees all its open tasks, assigns them, takes them back. */
    boolean supervises(CurrentUser user, String processKey);

    /** Whether the user supervises some process (the ALL tab, assignment, the assignee filter). */
    boolean supervisesAny(CurrentUser user);

    /** The processes whose tasks the user works, for the process filter. */
    List<CaseAdapter> processes(CurrentUser user);
}
