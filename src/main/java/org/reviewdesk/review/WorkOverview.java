package org.reviewdesk.review;

import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.springframework.stereotype.Service;

/**
 * The counts a reviewer or supervisor starts the day with, from the inbox projection. The groups
 * come from the signed-in user's roles, never from the caller, so nobody counts another group's work.
 */
@Service
public class WorkOverview {

    private final InboxService inbox;

    WorkOverview(InboxService inbox) {
        this.inbox = inbox;
    }

    /** My open tasks, unclaimed tasks offered to my groups, and the overdue among both. */
    @RolesAllowed({Role.REVIEWER_NAME, Role.SUPERVISOR_NAME})
    public Counts mine() {
        CurrentUser user = CurrentUser.require();
        return new Counts(inbox.count(InboxQuery.firstPage(InboxTab.MINE), user),
                inbox.count(InboxQuery.firstPage(InboxTab.UNCLAIMED), user),
                inbox.count(InboxQuery.firstPage(InboxTab.OVERDUE), user));
    }

    /** Open, unclaimed and overdue work per staff group, for supervisors. */
    @RolesAllowed(Role.SUPERVISOR_NAME)
    public List<GroupCounts> perGroup() {
        Map<String, long[]> counts = inbox.perGroup();
        return Arrays.stream(Role.values())
                .filter(r -> r != Role.ADMIN)
                .map(r -> {
                    long[] c = counts.getOrDefault(r.camundaGroup(), new long[3]);
                    return new GroupCounts(r, c[0], c[1], c[2]);
                })
                .toList();
    }

    public record Counts(long assignedToMe, long unclaimedInMyGroups, long overdue) {
    }

    public record GroupCounts(Role group, long open, long unclaimed, long overdue) {
    }
}
