package org.reviewdesk.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The dashboard's figures through the real engine, projection and history. Decisions are completed
 * at chosen moments (the engine's clock) and counted by an overview whose own clock stands in a week
 * of 2031 that no other test touches, so its totals are exact.
 */
@ApplicationTest
class WorkOverviewTest {

    @Autowired WorkOverview overview;
    @Autowired InboxService inbox;
    @Autowired DecidedTasks decided;
    @Autowired CaseAdapters adapters;
    @Autowired JdbcClient jdbc;
    @Autowired IdentityService identities;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;

    InboxFixtures fixtures;

    @BeforeEach
    void process() {
        fixtures = new InboxFixtures(repository, runtime, tasks);
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        SecurityContextHolder.clearContext();
    }

    @Test
    void decisionsCountByDayAndByMondayWeekInBeijingTime() {
        // Wednesday 5 March 2031, 10:00 in Beijing
        WorkOverview at = overviewAt("2031-03-05T10:00:00");
        decide("reviewer", "2031-03-05T00:00:00");     // today, though still Tuesday in UTC
        decide("reviewer", "2031-03-04T23:59:59");     // this week
        decide("reviewer", "2031-03-03T00:00:00");     // this week, its first moment
        decide("reviewer", "2031-03-02T23:59:59");     // last week
        decide("reviewer2", "2031-03-05T09:00:00");    // today
        decide("reviewer2", "2031-03-10T09:00:00");    // next week
        endedWithoutDecision("reviewer", "2031-03-05T09:30:00");

        signIn("supervisor", Role.SUPERVISOR, Role.REVIEWER);
        WorkOverview.Team team = at.team();
        assertThat(team.decidedToday()).isEqualTo(2);
        assertThat(team.decidedThisWeek()).isEqualTo(4);
        assertThat(person(team, "reviewer")).extracting(WorkOverview.PersonCounts::decidedToday,
                WorkOverview.PersonCounts::decidedThisWeek).containsExactly(1L, 3L);
        assertThat(person(team, "reviewer2")).extracting(WorkOverview.PersonCounts::decidedToday,
                WorkOverview.PersonCounts::decidedThisWeek).containsExactly(1L, 1L);
        assertThat(person(team, "supervisor").decidedThisWeek()).as("idle staff are listed with zeros").isZero();

        signIn("reviewer", Role.REVIEWER);
        WorkOverview.Counts mine = at.mine();
        assertThat(mine.decidedToday()).isOne();
        assertThat(mine.decidedThisWeek()).isEqualTo(3);
    }

    @Test
    void aRequestForDocumentsIsCountedApartNotAsAFinishedDecision() {
        // Wednesday 9 April 2031, a week no other test touches
        WorkOverview at = overviewAt("2031-04-09T10:00:00");
        decideWith("reviewer", "2031-04-09T09:00:00", "APPROVE");
        decideWith("reviewer", "2031-04-09T09:10:00", "REQUEST_DOCUMENTS");
        decideWith("reviewer", "2031-04-08T09:00:00", "REQUEST_DOCUMENTS");
        decideWith("reviewer2", "2031-04-07T09:00:00", "REJECT");
        decideWith("reviewer2", "2031-04-09T08:00:00", "SOMETHING_ELSE");

        signIn("supervisor", Role.SUPERVISOR, Role.REVIEWER);
        WorkOverview.Team team = at.team();
        assertThat(team.today()).as("today: one approval, one request; the unknown value is a finished step")
                .isEqualTo(new Outcomes(2, 1, 0, 1));
        assertThat(team.thisWeek()).isEqualTo(new Outcomes(3, 1, 1, 2));
        assertThat(person(team, "reviewer")).extracting(WorkOverview.PersonCounts::decidedToday,
                WorkOverview.PersonCounts::decidedThisWeek, WorkOverview.PersonCounts::documentsRequestedThisWeek)
                .containsExactly(1L, 1L, 2L);

        signIn("reviewer", Role.REVIEWER);
        WorkOverview.Counts mine = at.mine();
        assertThat(mine.decidedToday()).as("the request for documents is no finished decision").isOne();
        assertThat(mine.decidedThisWeek()).isOne();
        assertThat(mine.documentsRequestedThisWeek()).isEqualTo(2);
    }

    @Test
    void theReviewWorkloadListsOnlyTheGroupsAndPeopleOfReviewProcesses() {
        signIn("supervisor", Role.SUPERVISOR, Role.REVIEWER);

        // the supervisor also supervises the 12345 work orders, worked by hotline agents and handlers
        assertThat(adapters.supervised(new org.reviewdesk.platform.CurrentUser("supervisor", Set.of(Role.SUPERVISOR))))
                .contains("workOrder");
        assertThat(overview.perGroup()).extracting(WorkOverview.GroupCounts::group)
                .contains(Role.REVIEWER, Role.SUPERVISOR)
                .doesNotContain(Role.HOTLINE_AGENT, Role.HANDLER);
        assertThat(overview.team().people()).extracting(WorkOverview.PersonCounts::username)
                .as("idle hotline agents and handlers are no review workload").doesNotContain("hotline", "handler");
    }

    @Test
    void openAndOverdueWorkPerPersonComesFromTheInboxWithDisplayNames() {
        OffsetDateTime now = OffsetDateTime.now();
        String marker = InboxFixtures.marker();
        String busy = "dash-busy-" + marker.hashCode();
        String calm = "dash-calm-" + marker.hashCode();
        List<Task> started = List.of(fixtures.start(marker, "reviewers", now.minusDays(1), 50, now),
                fixtures.start(marker, "reviewers", now.plusDays(3), 50, now),
                fixtures.start(marker, "reviewers", now.plusDays(3), 50, now),
                fixtures.start(marker, "reviewers", now.plusDays(3), 50, now));
        assign(started.get(0), busy);
        assign(started.get(1), busy);
        assign(started.get(2), calm);
        assign(started.get(3), "reviewer2");

        signIn("supervisor", Role.SUPERVISOR, Role.REVIEWER);
        WorkOverview.Team team = overview.team();

        assertThat(person(team, busy)).extracting(WorkOverview.PersonCounts::open, WorkOverview.PersonCounts::overdue)
                .containsExactly(2L, 1L);
        assertThat(person(team, calm)).extracting(WorkOverview.PersonCounts::open, WorkOverview.PersonCounts::overdue)
                .containsExactly(1L, 0L);
        assertThat(person(team, calm).displayName()).as("unknown to the directory: the username").isEqualTo(calm);
        assertThat(person(team, "reviewer2").displayName()).isEqualTo("审核员 李强");
        assertThat(person(team, "reviewer2").open()).isPositive();
        assertThat(team.people().indexOf(person(team, busy))).as("overdue work first")
                .isLessThan(team.people().indexOf(person(team, calm)));
        assertThat(overview.perGroup()).anySatisfy(g -> {
            assertThat(g.group()).isEqualTo(Role.REVIEWER);
            assertThat(g.open()).isGreaterThanOrEqualTo(4);
            assertThat(g.overdue()).isPositive();
        });
        // reviewer2's inbox as other tests expect it
        started.forEach(t -> runtime.deleteProcessInstance(t.getProcessInstanceId(), "test over"));
    }

    @Test
    void aReviewerGetsTheirOwnFiguresButNotTheTeamsOrTheGroups() {
        signIn("reviewer", Role.REVIEWER);

        assertThat(overview.mine()).isNotNull();
        assertThatThrownBy(() -> overview.team()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> overview.perGroup()).isInstanceOf(AccessDeniedException.class);
        WorkOverview unproxied = overviewAt("2031-03-05T10:00:00");
        assertThatThrownBy(unproxied::team).as("checked in the method too, not only by the proxy")
                .isInstanceOf(AccessDeniedException.class);

        signIn("admin", Role.ADMIN);
        assertThatThrownBy(() -> overview.mine()).isInstanceOf(AccessDeniedException.class);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** The overview with its clock fixed at a Beijing local time. */
    private WorkOverview overviewAt(String beijing) {
        Clock clock = Clock.fixed(OffsetDateTime.parse(beijing + "+08:00").toInstant(), ZoneOffset.UTC);
        return new WorkOverview(inbox, adapters, decided, jdbc, identities, new org.reviewdesk.platform.BusinessTime(clock, java.time.ZoneId.of("Asia/Shanghai")));
    }

    /** A staff task claimed and completed by {@code username} at a Beijing local time; the applicant's next task too, unassigned. */
    private void decide(String username, String beijing) {
        Task task = startAt(beijing);
        tasks.claim(task.getId(), username);
        tasks.complete(task.getId());
        Task applicants = tasks.createTaskQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
        tasks.complete(applicants.getId());
    }

    /** A staff task claimed and completed with the review variable {@code decision} = {@code value}. */
    private void decideWith(String username, String beijing, String value) {
        Task task = startAt(beijing);
        tasks.claim(task.getId(), username);
        tasks.complete(task.getId(), java.util.Map.of(DecisionOutcome.VARIABLE, value));
        Task applicants = tasks.createTaskQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
        tasks.complete(applicants.getId());
    }

    /** A claimed staff task that ends because its case was withdrawn: no decision. */
    private void endedWithoutDecision(String username, String beijing) {
        Task task = startAt(beijing);
        tasks.claim(task.getId(), username);
        runtime.deleteProcessInstance(task.getProcessInstanceId(), "withdrawn");
    }

    private Task startAt(String beijing) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(beijing + "+08:00").toInstant()));
        OffsetDateTime at = OffsetDateTime.parse(beijing + "+08:00");
        return fixtures.start(InboxFixtures.marker(), "reviewers", at.plusDays(5), 50, at);
    }

    private void assign(Task task, String username) {
        tasks.setAssignee(task.getId(), username);
    }

    private static WorkOverview.PersonCounts person(WorkOverview.Team team, String username) {
        return team.people().stream().filter(p -> p.username().equals(username)).findFirst()
                .orElseThrow(() -> new AssertionError(username + " not on the dashboard"));
    }

    private static void signIn(String username, Role... roles) {
        String[] authorities = java.util.Arrays.stream(roles).map(Role::authority).toArray(String[]::new);
        TestingAuthenticationToken auth = new TestingAuthenticationToken(username, null, authorities);
        auth.setAuthenticated(true);
        SecurityContextHolder.getContext().setAuthentication(auth);
    }
}
