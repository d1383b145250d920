package org.reviewdesk.review;

import java.util.EnumSet;
import java.util.Set;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;

/**
 * Who handles a process's tasks, as its {@link CaseAdapter} declares: the roles whose members work its
 * tasks (see and claim those offered to their groups by the BPMN's candidate groups, decide those they
 * hold, read and write the case's comments, use its decision reasons), and the one role that supervises
 * it (sees all its open tasks, assigns and takes back, edits its decision reasons).
 *
 * @param workers roles that work the process's tasks; the supervising role always does too
 * @param supervisor the role that supervises the process
 */
public record Handlers(Set<Role> workers, Role supervisor) {

    /** The provincial service centre's review team: reviewers, with supervisors over them. */
    public static final Handlers REVIEW_TEAM = new Handlers(EnumSet.of(Role.REVIEWER), Role.SUPERVISOR);

    public Handlers {
        EnumSet<Role> all = EnumSet.of(supervisor);
        all.addAll(workers);
        workers = Set.copyOf(all);
    }

    /** Whether the user works this process's tasks (supervisors included). */
    public boolean workedBy(CurrentUser user) {
        return user != null && user.roles().stream().anyMatch(workers::contains);
    }

    public boolean supervisedBy(CurrentUser user) {
        return user != null && user.has(supervisor);
    }
}
