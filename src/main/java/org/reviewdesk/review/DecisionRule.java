package org.reviewdesk.review;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Who may decide a staff task, one rule for every process, called by each process's service inside
 * its decision's transaction: the user works the task's process ({@link Handlers}); a claimed task
 * only its assignee decides; an unclaimed one only a member of one of its candidate groups, and it is
 * claimed for them. The four-eyes rule ({@link FourEyesRule}) is the engine's own task listener and
 * refuses at that claim and again at completion, whoever calls.
 */
@Service
public class DecisionRule {

    private final TaskService tasks;
    private final IdentityService identities;
    private final CaseAdapters adapters;
    private final UserGroups userGroups;

    DecisionRule(TaskService tasks, IdentityService identities, CaseAdapters adapters, UserGroups userGroups) {
        this.userGroups = userGroups;
        this.tasks = tasks;
        this.identities = identities;
        this.adapters = adapters;
    }

    /** Refuses a user who neither works nor supervises the process. */
    public void requireHandler(String processKey, CurrentUser user) {
        if (user == null || !adapters.works(user, processKey)) {
            throw new AccessDeniedException((user == null ? "nobody" : user.username()) + " does not work " + processKey);
        }
    }

    /**
     * The open task at {@code activityId} of the process instance, which the user may decide now; an
     * unclaimed task is claimed for them first.
     *
     * @return the task's id, or empty when the instance has no open task there (decided meanwhile, or
     *     not yet there: the caller says which)
     * @throws UserFacingException the task is claimed by someone else ({@code review.decide.assignedToOther}),
     *     or the engine refused the claim (four eyes)
     * @throws AccessDeniedException the user does not work the process, or is no candidate of the task
     */
    public Optional<String> claimForDecision(String processKey, String processInstanceId, String activityId,
                                             CurrentUser user) {
        requireHandler(processKey, user);
        if (processInstanceId == null) {
            return Optional.empty();
        }
        // most tasks are offered to a role the user signed in with: one query finds such a task, where
        // the task, its candidate links and the user's groups in the staff directory would be three
        List<String> roleGroups = user.roles().stream().map(Role::camundaGroup).distinct().toList();
        Task task = roleGroups.isEmpty() ? null : tasks.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(activityId).taskCandidateGroupIn(roleGroups).includeAssignedTasks().singleResult();
        boolean candidate = task != null;
        if (task == null) {
            task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(activityId).singleResult();
        }
        if (task == null) {
            return Optional.empty();
        }
        if (task.getAssignee() != null) {
            if (!task.getAssignee().equals(user.username())) {
                throw new UserFacingException("review.decide.assignedToOther", StaffNames.displayName(identities, task.getAssignee()));
            }
            return Optional.of(task.getId());
        }
        if (!candidate) {
            Set<String> groups = Set.copyOf(userGroups.of(user));
            candidate = tasks.getIdentityLinksForTask(task.getId()).stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                    .map(IdentityLink::getGroupId)
                    .anyMatch(groups::contains);
        }
        if (!candidate) {
            throw new AccessDeniedException(user.username() + " is no candidate of task " + task.getId());
        }
        try {
            tasks.claim(task.getId(), user.username());
        } catch (RuntimeException e) {
            throw EngineRefusals.unwrap(e);
        }
        return Optional.of(task.getId());
    }
}
