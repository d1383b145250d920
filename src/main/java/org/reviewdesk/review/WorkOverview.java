package org.reviewdesk.review;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
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
    private final CaseAdapters adapters;
    private final DecidedTasks decided;
    private final JdbcClient jdbc;
    private final IdentityService identities;
    private final Clock clock;
    private final ZoneId zone;

    WorkOverview(InboxService inbox, CaseAdapters adapters, DecidedTasks decided, JdbcClient jdbc, IdentityService identities,
                 BusinessTime time) {
        this.inbox = inbox;
        this.adapters = adapters;
        this.decided = decided;
        this.jdbc = jdbc;
        this.identities = identities;
        this.clock = time.clock();
        this.zone = time.zone();
    }

    /** My open tasks, unclaimed tasks offered to my groups, the overdue among both, and what I decided. */
    @RolesAllowed({Role.REVIEWER_NAME, Role.SUPERVISOR_NAME, Role.HOTLINE_AGENT_NAME, Role.HANDLER_NAME})
    @Transactional(readOnly = true)
    public Counts mine() {
        CurrentUser user = CurrentUser.require();
        DecidedTasks.Decided mine = decided.of(user.username(), period());
        return new Counts(inbox.count(InboxQuery.firstPage(InboxTab.MINE), user),
                inbox.count(InboxQuery.firstPage(InboxTab.UNCLAIMED), user),
                inbox.count(InboxQuery.firstPage(InboxTab.OVERDUE), user),
                mine.today().decided(), mine.thisWeek().decided(), mine.thisWeek().documentsRequested());
    }

    /** Whether the user supervises some process, and so sees the team and its groups. */
    public boolean seesTeam() {
        return CurrentUser.get().filter(inbox::supervisesAny).isPresent();
    }

    /**
     * Open, unclaimed and overdue work per staff group that works a process the user supervises and
     * that reviews applications (the hotline's groups have their own supervision page).
     */
    @Transactional(readOnly = true)
    public List<GroupCounts> perGroup() {
        List<String> supervised = reviewed(supervised());
        Map<String, InboxService.OpenInGroup> counts = inbox.perGroup();
        return adapters.workersOf(supervised).stream()
                .map(r -> {
                    InboxService.OpenInGroup c = counts.getOrDefault(r.camundaGroup(), InboxService.OpenInGroup.NONE);
                    return new GroupCounts(r, c.open(), c.unclaimed(), c.overdue());
                })
                .toList();
    }

    /**
     * Every reviewer and supervisor (idle ones too: a supervisor looks for free hands) and anyone else
     * holding or having decided a task this week, with open, overdue and decided counts; plus the
     * decided totals. Those with overdue work first.
     */
    @Transactional(readOnly = true)
    public Team team() {
        List<String> supervised = reviewed(supervised());
        Map<String, OpenOfPerson> open = openPerAssignee(supervised);
        Map<String, DecidedTasks.Decided> done = decided.perAssignee(period(), supervised);

        Map<String, String> names = new HashMap<>();
        for (Role role : adapters.workersOf(supervised)) {
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
            OpenOfPerson o = open.getOrDefault(username, OpenOfPerson.NONE);
            DecidedTasks.Decided d = done.getOrDefault(username, DecidedTasks.Decided.NONE);
            return new PersonCounts(username, names.getOrDefault(username, username), o.open(), o.overdue(), d.today().decided(),
                    d.thisWeek().decided(), d.thisWeek().documentsRequested());
        }).sorted(Comparator.comparingLong(PersonCounts::overdue).reversed()
                .thenComparing(Comparator.comparingLong(PersonCounts::open).reversed())
                .thenComparing(PersonCounts::displayName)).toList();
        DecidedTasks.Decided all = done.values().stream().reduce(DecidedTasks.Decided.NONE, DecidedTasks.Decided::plus);
        return new Team(rows, all.today(), all.thisWeek());
    }

    /** The processes the caller supervises; refused when none. */
    private List<String> supervised() {
        CurrentUser user = CurrentUser.require();
        List<String> supervised = adapters.supervised(user);
        if (supervised.isEmpty()) {
            throw new AccessDeniedException(user.username() + " supervises no process");
        }
        return supervised;
    }

    /** Of these processes, those that review applications: the dashboard's review workload. */
    private List<String> reviewed(List<String> processKeys) {
        return processKeys.stream().filter(key -> adapters.of(key).filter(CaseAdapter::reviewsApplications).isPresent()).toList();
    }

    /** Open tasks of these processes per assignee and the overdue among them, from the projection's (assignee, due) index. */
    private Map<String, OpenOfPerson> openPerAssignee(List<String> processKeys) {
        Map<String, OpenOfPerson> counts = new HashMap<>();
        if (processKeys.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                select assignee, count(*), sum(case when due_at < :now then 1 else 0 end)
                from review_task where assignee is not null and process_key in (:processes) group by assignee""")
                .param("now", OffsetDateTime.now(clock)).param("processes", processKeys)
                .query((rs, n) -> counts.put(rs.getString(1), new OpenOfPerson(rs.getLong(2), rs.getLong(3))))
                .list();
        return counts;
    }

    private record OpenOfPerson(long open, long overdue) {

        static final OpenOfPerson NONE = new OpenOfPerson(0, 0);
    }

    private DecisionPeriod period() {
        return DecisionPeriod.at(clock, zone);
    }

    private static String displayName(User user) {
        return user.getFirstName() == null || user.getFirstName().isBlank() ? user.getId() : user.getFirstName();
    }

    /** My figures; decided counts finished decisions only, requests for documents apart. */
    public record Counts(long assignedToMe, long unclaimedInMyGroups, long overdue, long decidedToday, long decidedThisWeek,
                         long documentsRequestedThisWeek) {
    }

    public record GroupCounts(Role group, long open, long unclaimed, long overdue) {
    }

    /** One person's work: open tasks assigned to them, the overdue among those, their decisions and requests for documents. */
    public record PersonCounts(String username, String displayName, long open, long overdue, long decidedToday,
                               long decidedThisWeek, long documentsRequestedThisWeek) {
    }

    /** The team's people and its decisions by kind, today and this week. */
    public record Team(List<PersonCounts> people, Outcomes today, Outcomes thisWeek) {

        public long decidedToday() {
            return today.decided();
        }

        public long decidedThisWeek() {
            return thisWeek.decided();
        }
    }
}
