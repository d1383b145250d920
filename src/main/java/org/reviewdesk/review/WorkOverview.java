package org.reviewdesk.review;

import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.springframework.stereotype.Service;

/**
 * The counts a reviewer or supervisor starts the day with. The groups come from the signed-in
 * user's roles, never from the caller, so nobody counts another group's work.
 */
@Service
public class WorkOverview {

    private final TaskService tasks;

    WorkOverview(TaskService tasks) {
        this.tasks = tasks;
    }

    /** My open tasks, unclaimed tasks offered to my groups, and the overdue among both. */
    @RolesAllowed({Role.REVIEWER_NAME, Role.SUPERVISOR_NAME})
    public Counts mine() {
        CurrentUser user = CurrentUser.require();
        List<String> groups = user.roles().stream().map(Role::camundaGroup).toList();
        Date now = new Date();
        long assigned = tasks.createTaskQuery().taskAssignee(user.username()).active().count();
        long unclaimed = tasks.createTaskQuery().taskCandidateGroupIn(groups).taskUnassigned().active().count();
        long overdue = tasks.createTaskQuery().taskAssignee(user.username()).dueBefore(now).active().count()
                + tasks.createTaskQuery().taskCandidateGroupIn(groups).taskUnassigned().dueBefore(now).active().count();
        return new Counts(assigned, unclaimed, overdue);
    }

    /** Open, unclaimed and overdue work per staff group, for supervisors. */
    @RolesAllowed(Role.SUPERVISOR_NAME)
    public List<GroupCounts> perGroup() {
        Date now = new Date();
        return Arrays.stream(Role.values())
                .filter(r -> r != Role.ADMIN)
                .map(r -> new GroupCounts(r,
                        tasks.createTaskQuery().taskCandidateGroup(r.camundaGroup()).includeAssignedTasks().active().count(),
                        tasks.createTaskQuery().taskCandidateGroup(r.camundaGroup()).taskUnassigned().active().count(),
                        tasks.createTaskQuery().taskCandidateGroup(r.camundaGroup()).includeAssignedTasks().dueBefore(now).active().count()))
                .toList();
    }

    public record Counts(long assignedToMe, long unclaimedInMyGroups, long overdue) {
    }

    public record GroupCounts(Role group, long open, long unclaimed, long overdue) {
    }
}
