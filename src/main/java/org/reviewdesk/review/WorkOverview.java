package org.reviewdesk.review;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reviewers' and supervisors' dashboard: open work from the inbox projection, decided work from
 * the engine's task history ({@link DecidedTasks} says what counts as a decision). Days and weeks
 * are China's (weeks from Monday), from the injected clock. A reviewer gets only their own figures;
 * the groups and the team are for supervisors, checked here whoever calls.
 */
@Service
public class WorkOverview {

    private final InboxService inbox;
    private final DecidedTasks decided;
    private final JdbcClient jdbc;
    private final IdentityService identities;
    private final Clock clock;

    WorkOverview(InboxService inbox, DecidedTasks decided, JdbcClient jdbc, IdentityService identities, Clock clock) {
        this.inbox = inbox;
        this.decided = decided;
        this.jdbc = jdbc;
        this.identities = identities;
        this.clock = clock;
    }

    /** My open tasks, unclaimed tasks offered to my groups, the overdue among both, and what I decided. */
    @RolesAllowed({Role.REVIEWER_NAME, Role.SUPERVISOR_NAME})
    @Transactional(readOnly = true)
    public Counts mine() {
        CurrentUser user = CurrentUser.require();
        DecidedTasks.Decided mine = decided.of(user.username(), period());
        return new Counts(inbox.count(InboxQuery.firstPage(InboxTab.MINE), user),
                inbox.count(InboxQuery.firstPage(InboxTab.UNCLAIMED), user),
                inbox.count(InboxQuery.firstPage(InboxTab.OVERDUE), user),
                mine.today(), mine.thisWeek());
    }

    /** Open, unclaimed and overdue work per staff group, for supervisors. */
    @RolesAllowed(Role.SUPERVISOR_NAME)
    @Transactional(readOnly = true)
    public List<GroupCounts> perGroup() {
        CurrentUser.require().requireRole(Role.SUPERVISOR);
        Map<String, long[]> counts = inbox.perGroup();
        return Arrays.stream(Role.values())
                .filter(r -> r != Role.ADMIN)
                .map(r -> {
                    long[] c = counts.getOrDefault(r.camundaGroup(), new long[3]);
                    return new GroupCounts(r, c[0], c[1], c[2]);
                })
                .toList();
    }

    /**
     * Every reviewer and supervisor (idle ones too: a supervisor looks for free hands) and anyone else
     * holding or having decided a task this week, with open, overdue and decided counts; plus the
     * decided totals. Those with overdue work first.
     */
    @RolesAllowed(Role.SUPERVISOR_NAME)
    @Transactional(readOnly = true)
    public Team team() {
        CurrentUser.require().requireRole(Role.SUPERVISOR);
        Map<String, long[]> open = openPerAssignee();
        Map<String, DecidedTasks.Decided> done = decided.perAssignee(period());

        Map<String, String> names = new HashMap<>();
        for (Role role : List.of(Role.REVIEWER, Role.SUPERVISOR)) {
            identities.createUserQuery().memberOfGroup(role.camundaGroup()).list()
                    .forEach(u -> names.put(u.getId(), displayName(u)));
        }
        Set<String> people = new TreeSet<>(names.keySet());
        people.addAll(open.keySet());
        people.addAll(done.keySet());
        Set<String> unnamed = new TreeSet<>(people);
        unnamed.removeAll(names.keySet());
        if (!unnamed.isEmpty()) {
            // former staff still holding tasks, or disabled since: shown by name when the directory knows them
            identities.createUserQuery().userIdIn(unnamed.toArray(String[]::new)).list()
                    .forEach(u -> names.put(u.getId(), displayName(u)));
        }

        List<PersonCounts> rows = people.stream().map(username -> {
            long[] o = open.getOrDefault(username, new long[2]);
            DecidedTasks.Decided d = done.getOrDefault(username, DecidedTasks.Decided.NONE);
            return new PersonCounts(username, names.getOrDefault(username, username), o[0], o[1], d.today(), d.thisWeek());
        }).sorted(Comparator.comparingLong(PersonCounts::overdue).reversed()
                .thenComparing(Comparator.comparingLong(PersonCounts::open).reversed())
                .thenComparing(PersonCounts::displayName)).toList();
        long today = done.values().stream().mapToLong(DecidedTasks.Decided::today).sum();
        long week = done.values().stream().mapToLong(DecidedTasks.Decided::thisWeek).sum();
        return new Team(rows, today, week);
    }

    /** Open tasks per assignee and the overdue among them, from the projection's (assignee, due) index. */
    private Map<String, long[]> openPerAssignee() {
        Map<String, long[]> counts = new HashMap<>();
        jdbc.sql("""
                select assignee, count(*), sum(case when due_at < :now then 1 else 0 end)
                from review_task where assignee is not null group by assignee""")
                .param("now", OffsetDateTime.now(clock))
                .query((rs, n) -> counts.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3)}))
                .list();
        return counts;
    }

    private DecisionPeriod period() {
        return DecisionPeriod.at(clock, SlaBadge.CHINA);
    }

    private static String displayName(User user) {
        return user.getFirstName() == null || user.getFirstName().isBlank() ? user.getId() : user.getFirstName();
    }

    public record Counts(long assignedToMe, long unclaimedInMyGroups, long overdue, long decidedToday, long decidedThisWeek) {
    }

    public record GroupCounts(Role group, long open, long unclaimed, long overdue) {
    }

    /** One person's work: open tasks assigned to them, the overdue among those, and their decisions. */
    public record PersonCounts(String username, String displayName, long open, long overdue, long decidedToday,
                               long decidedThisWeek) {
    }

    public record Team(List<PersonCounts> people, long decidedToday, long decidedThisWeek) {
    }
}
