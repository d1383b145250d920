package org.reviewdesk.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The inbox's rules through the real engine, listeners and H2: the projection follows every task
 * event, the tabs show what each person may see, and the acts refuse what they must. Each test
 * marks its cases' titles with a fresh marker and searches for it, so the shared database's other
 * tasks do not count.
 */
@ApplicationTest
class InboxServiceTest {

    static final CurrentUser REVIEWER = new CurrentUser("reviewer", Set.of(Role.REVIEWER));
    static final CurrentUser REVIEWER2 = new CurrentUser("reviewer2", Set.of(Role.REVIEWER));
    static final CurrentUser SUPERVISOR = new CurrentUser("supervisor", Set.of(Role.SUPERVISOR, Role.REVIEWER));
    static final CurrentUser HOTLINE = new CurrentUser("hotline", Set.of(Role.HOTLINE_AGENT));
    static final String REVIEWERS = "reviewers";

    @Autowired Inbox inbox;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired JdbcClient jdbc;

    InboxFixtures fixtures;
    String marker;
    OffsetDateTime now = OffsetDateTime.now();

    @BeforeEach
    void process() {
        fixtures = new InboxFixtures(repository, runtime, tasks);
        marker = InboxFixtures.marker();
    }

    // ---- the projection ---------------------------------------------------------------------------

    @Test
    void aStaffTaskAppearsWithItsCaseWhenCreated() {
        OffsetDateTime due = now.plusDays(3).truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime received = now.minusDays(1).truncatedTo(ChronoUnit.SECONDS);
        Task task = fixtures.start("成都示例有限公司 " + marker, REVIEWERS, due, 70, received);

        ReviewTask row = inbox.find(task.getId(), REVIEWER).orElseThrow();
        assertThat(row.processKey()).isEqualTo(InboxFixtures.PROCESS_KEY);
        assertThat(row.taskKey()).isEqualTo(InboxFixtures.STAFF_TASK);
        assertThat(row.taskName()).isEqualTo("核对");
        assertThat(row.processInstanceId()).isEqualTo(task.getProcessInstanceId());
        assertThat(row.candidateGroups()).containsExactly(REVIEWERS);
        assertThat(row.assignee()).isNull();
        assertThat(row.dueAt()).isEqualTo(due);
        assertThat(row.priority()).isEqualTo(70);
        assertThat(row.caseRef()).isEqualTo(row.businessKey()).startsWith("T");
        assertThat(row.title()).isEqualTo("成都示例有限公司 " + marker);
        assertThat(row.code()).startsWith("91");
        assertThat(row.receivedAt()).isEqualTo(received);
    }

    @Test
    void theRowFollowsClaimUnclaimAssignDueAndPriorityAndGoesOnCompletion() {
        Task task = fixtures.start(marker, REVIEWERS, now.plusDays(3), 50, now);

        inbox.claim(task.getId(), REVIEWER);
        assertThat(inbox.find(task.getId(), REVIEWER).orElseThrow().assignee()).isEqualTo("reviewer");
        inbox.unclaim(task.getId(), REVIEWER);
        assertThat(inbox.find(task.getId(), REVIEWER).orElseThrow().assignee()).isNull();
        inbox.assign(task.getId(), "reviewer2", SUPERVISOR);
        assertThat(inbox.find(task.getId(), REVIEWER).orElseThrow().assignee()).isEqualTo("reviewer2");

        OffsetDateTime later = now.plusDays(10).truncatedTo(ChronoUnit.SECONDS);
        tasks.setDueDate(task.getId(), Date.from(later.toInstant()));
        tasks.setPriority(task.getId(), 90);
        ReviewTask changed = inbox.find(task.getId(), REVIEWER).orElseThrow();
        assertThat(changed.dueAt()).isEqualTo(later);
        assertThat(changed.priority()).isEqualTo(90);
        assertThat(jdbc.sql("select due_at from review_task_group where task_id = :id").param("id", task.getId())
                .query(OffsetDateTime.class).single()).as("the group rows follow too").isEqualTo(later);

        tasks.complete(task.getId());
        assertThat(projected(task.getProcessInstanceId())).as("the applicant's next task is not projected").isZero();
        assertThat(tasks.createTaskQuery().processInstanceId(task.getProcessInstanceId())
                .taskDefinitionKey(InboxFixtures.APPLICANT_TASK).count()).isOne();
    }

    @Test
    void aClaimWritesTheRowOnceAndTheAssignmentTimeMovesOnlyWithTheAssignee() {
        Task task = fixtures.start(marker, REVIEWERS, now.plusDays(3), 50, now);
        jdbc.sql("SET QUERY_STATISTICS TRUE").update();
        try {
            long before = projectionWrites();
            inbox.claim(task.getId(), REVIEWER);
            // the engine fires assignment and then update for one claim: the second repeats the first
            assertThat(projectionWrites() - before).as("writes of review_task for one claim").isEqualTo(1);
        } finally {
            jdbc.sql("SET QUERY_STATISTICS FALSE").update();
        }
        OffsetDateTime claimedAt = assignedAt(task.getId());
        assertThat(claimedAt).isNotNull();

        tasks.setPriority(task.getId(), 80);
        assertThat(assignedAt(task.getId())).as("same assignee: same assignment time").isEqualTo(claimedAt);
        assertThat(inbox.find(task.getId(), REVIEWER).orElseThrow().priority()).isEqualTo(80);

        inbox.unclaim(task.getId(), REVIEWER);
        assertThat(assignedAt(task.getId())).isNull();
        inbox.assign(task.getId(), "reviewer2", SUPERVISOR);
        assertThat(assignedAt(task.getId())).isNotNull();
        assertThat(jdbc.sql("select assignee from review_task_group where task_id = :id").param("id", task.getId())
                .query(String.class).single()).isEqualTo("reviewer2");

        tasks.complete(task.getId());
        assertThat(jdbc.sql("select count(*) from review_task_group where task_id = :id").param("id", task.getId())
                .query(Long.class).single()).as("group rows go with the task").isZero();
    }

    private long projectionWrites() {
        return jdbc.sql("select coalesce(sum(execution_count), 0) from information_schema.query_statistics"
                        + " where lower(sql_statement) like 'update review_task set%'")
                .query(Long.class).single();
    }

    private OffsetDateTime assignedAt(String taskId) {
        return jdbc.sql("select assigned_at from review_task where task_id = :id").param("id", taskId)
                .query(OffsetDateTime.class).list().get(0);
    }

    @Test
    void addingACandidateGroupShowsAndDeletingTheInstanceRemovesTheRow() {
        Task task = fixtures.start(marker, REVIEWERS, now.plusDays(3), 50, now);
        assertThat(inbox.find(task.getId(), new CurrentUser("x", Set.of(Role.HOTLINE_AGENT)))).isEmpty();

        tasks.addCandidateGroup(task.getId(), "hotline");
        assertThat(inbox.find(task.getId(), HOTLINE)).get().extracting(ReviewTask::candidateGroups)
                .isEqualTo(List.of("hotline", REVIEWERS));
        Task other = fixtures.start(marker + " other", REVIEWERS, now.plusDays(4), 50, now);
        // the page reads its tasks' groups in the same query: one row per task, every group, in order
        assertThat(inbox.page(new InboxQuery(InboxTab.UNCLAIMED, null, marker, null, InboxQuery.Sort.DUE, 0, 10), REVIEWER))
                .extracting(t -> t.taskId() + " " + t.candidateGroups())
                .containsExactly(task.getId() + " [hotline, reviewers]", other.getId() + " [reviewers]");
        tasks.deleteCandidateGroup(task.getId(), "hotline");
        assertThat(inbox.find(task.getId(), HOTLINE)).isEmpty();

        runtime.deleteProcessInstance(task.getProcessInstanceId(), "test", true);
        assertThat(projected(task.getProcessInstanceId())).isZero();
    }

    // ---- tabs, counts, search, sort ---------------------------------------------------------------

    @Test
    void aReviewerSeesMineUnclaimedAndOverdueInTheirGroupsOnly() {
        Task open = fixtures.start(marker + " open", REVIEWERS, now.plusDays(3), 50, now);
        Task mine = fixtures.start(marker + " mine", REVIEWERS, now.plusDays(3), 50, now);
        Task late = fixtures.start(marker + " late", REVIEWERS, now.minusDays(1), 50, now);
        Task colleagues = fixtures.start(marker + " colleague", REVIEWERS, now.minusDays(1), 50, now);
        Task hotline = fixtures.start(marker + " hotline", "hotline", now.minusDays(1), 50, now);
        Map<InboxTab, Long> before = inbox.tabCounts(REVIEWER);
        inbox.claim(mine.getId(), REVIEWER);
        inbox.claim(colleagues.getId(), REVIEWER2);

        assertThat(ids(InboxTab.MINE, REVIEWER)).containsExactly(mine.getId());
        assertThat(ids(InboxTab.UNCLAIMED, REVIEWER)).containsExactlyInAnyOrder(open.getId(), late.getId());
        assertThat(ids(InboxTab.OVERDUE, REVIEWER)).containsExactly(late.getId());
        assertThat(inbox.count(query(InboxTab.UNCLAIMED), REVIEWER)).isEqualTo(2);
        Map<InboxTab, Long> after = inbox.tabCounts(REVIEWER);
        assertThat(after).doesNotContainKey(InboxTab.ALL);
        assertThat(after.get(InboxTab.MINE)).isEqualTo(before.get(InboxTab.MINE) + 1);
        assertThat(after.get(InboxTab.UNCLAIMED)).isEqualTo(before.get(InboxTab.UNCLAIMED) - 2);

        assertThat(ids(InboxTab.UNCLAIMED, HOTLINE)).containsExactly(hotline.getId());
        assertThat(ids(InboxTab.OVERDUE, HOTLINE)).containsExactly(hotline.getId());
    }

    @Test
    void aTaskOfferedToTwoOfMyGroupsShowsOnceAndMyOwnLateTaskIsOverdue() {
        Task both = fixtures.start(marker + " both", REVIEWERS + ",supervisors", now.minusDays(1), 50, now);
        Task mineLate = fixtures.start(marker + " mine late", REVIEWERS, now.minusDays(2), 50, now);
        Task mineOnTime = fixtures.start(marker + " mine on time", REVIEWERS, now.plusDays(2), 50, now);
        inbox.claim(mineLate.getId(), SUPERVISOR);
        inbox.claim(mineOnTime.getId(), SUPERVISOR);

        assertThat(ids(InboxTab.UNCLAIMED, SUPERVISOR)).containsExactly(both.getId());
        assertThat(inbox.count(query(InboxTab.UNCLAIMED), SUPERVISOR)).isEqualTo(1);
        assertThat(ids(InboxTab.OVERDUE, SUPERVISOR)).containsExactly(mineLate.getId(), both.getId());
        assertThat(inbox.count(query(InboxTab.OVERDUE), SUPERVISOR)).isEqualTo(2);
        assertThat(ids(InboxTab.OVERDUE, REVIEWER)).as("claimed by someone else").containsExactly(both.getId());
    }

    @Test
    void supervisorsSeeEveryTaskInAllAndReviewersAreRefused() {
        Task hotline = fixtures.start(marker, "hotline", now.plusDays(3), 50, now);
        Task reviewers = fixtures.start(marker, REVIEWERS, now.plusDays(3), 50, now);

        assertThat(ids(InboxTab.ALL, SUPERVISOR)).containsExactlyInAnyOrder(hotline.getId(), reviewers.getId());
        assertThat(inbox.tabCounts(SUPERVISOR)).containsKeys(InboxTab.values());
        assertThat(inbox.find(hotline.getId(), SUPERVISOR)).isPresent();
        assertThatThrownBy(() -> inbox.page(query(InboxTab.ALL), REVIEWER)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> inbox.count(query(InboxTab.ALL), REVIEWER)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void searchFindsByNumberByCreditCodeAndByAFragmentOfTheName() {
        Task task = fixtures.start("绵阳" + marker + "电子科技有限公司", REVIEWERS, now.plusDays(3), 50, now);
        fixtures.start("德阳" + marker + "机械厂", REVIEWERS, now.plusDays(3), 50, now);
        ReviewTask row = inbox.find(task.getId(), REVIEWER).orElseThrow();

        assertThat(search(row.caseRef())).containsExactly(task.getId());
        assertThat(search(row.caseRef().toLowerCase())).containsExactly(task.getId());
        assertThat(search(row.code().toLowerCase())).containsExactly(task.getId());
        assertThat(search(marker + "电子")).containsExactly(task.getId());
        assertThat(search(marker)).hasSize(2);
        assertThat(search("%")).as("a wildcard is a character, not a pattern").doesNotContain(task.getId());
    }

    @Test
    void tasksSortByDueWithNoneLastByReceivedAndByPriority() {
        Task soon = fixtures.start(marker, REVIEWERS, now.plusDays(1), 10, now.minusDays(1));
        Task none = fixtures.start(marker, REVIEWERS, null, 90, now.minusDays(3));
        Task later = fixtures.start(marker, REVIEWERS, now.plusDays(5), 50, now.minusDays(2));

        assertThat(sorted(InboxQuery.Sort.DUE)).containsExactly(soon.getId(), later.getId(), none.getId());
        assertThat(sorted(InboxQuery.Sort.RECEIVED)).containsExactly(none.getId(), later.getId(), soon.getId());
        assertThat(sorted(InboxQuery.Sort.PRIORITY)).containsExactly(none.getId(), later.getId(), soon.getId());
        assertThat(inbox.page(new InboxQuery(InboxTab.UNCLAIMED, null, marker, null, InboxQuery.Sort.DUE, 1, 1), REVIEWER))
                .extracting(ReviewTask::taskId).containsExactly(later.getId());
        assertThat(inbox.page(new InboxQuery(InboxTab.UNCLAIMED, null, marker, now.plusDays(2), InboxQuery.Sort.DUE, 0, 50), REVIEWER))
                .as("due window").extracting(ReviewTask::taskId).containsExactly(soon.getId());
        assertThat(inbox.page(new InboxQuery(InboxTab.UNCLAIMED, "registration", marker, null, InboxQuery.Sort.DUE, 0, 50), REVIEWER))
                .as("process filter").isEmpty();
    }

    // ---- the acts' rules --------------------------------------------------------------------------

    @Test
    void aTaskOfAnotherGroupIsNeitherFoundNorClaimable() {
        Task hotline = fixtures.start(marker, "hotline", now.plusDays(3), 50, now);

        assertThat(inbox.find(hotline.getId(), REVIEWER)).isEmpty();
        assertThat(inbox.find("no-such-task", REVIEWER)).isEmpty();
        assertThatThrownBy(() -> inbox.claim(hotline.getId(), REVIEWER)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> inbox.unclaim(hotline.getId(), REVIEWER)).isInstanceOf(AccessDeniedException.class);
        assertThat(tasks.createTaskQuery().taskId(hotline.getId()).singleResult().getAssignee()).isNull();
    }

    @Test
    void claimingATaskSomeoneElseClaimedSaysWhoAndWhen() {
        Task task = fixtures.start(marker, REVIEWERS, now.plusDays(3), 50, now);
        inbox.claim(task.getId(), REVIEWER2);

        assertThatThrownBy(() -> inbox.claim(task.getId(), REVIEWER))
                .isInstanceOf(UserFacingException.class)
                .hasFieldOrPropertyWithValue("messageKey", "review.task.alreadyHandled")
                .satisfies(e -> assertThat(((UserFacingException) e).arguments()[0].toString()).contains("reviewer2"))
                .satisfies(e -> assertThat(((UserFacingException) e).arguments()[1].toString()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d"));
        assertThat(inbox.find(task.getId(), REVIEWER).orElseThrow().assignee()).isEqualTo("reviewer2");
    }

    @Test
    void claimingACompletedTaskSaysWhoCompletedItAndWhen() {
        Task task = fixtures.start(marker, REVIEWERS, now.plusDays(3), 50, now);
        inbox.claim(task.getId(), REVIEWER2);
        tasks.complete(task.getId());

        assertThatThrownBy(() -> inbox.claim(task.getId(), REVIEWER))
                .isInstanceOf(UserFacingException.class)
                .hasFieldOrPropertyWithValue("messageKey", "review.task.alreadyHandled")
                .satisfies(e -> assertThat(((UserFacingException) e).arguments()[0].toString()).contains("reviewer2"));
        assertThatThrownBy(() -> inbox.claim(task.getId(), HOTLINE)).as("but not to another group")
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void onlyTheAssigneeOrASupervisorGivesATaskBack() {
        Task task = fixtures.start(marker, REVIEWERS, now.plusDays(3), 50, now);
        inbox.claim(task.getId(), REVIEWER);

        assertThatThrownBy(() -> inbox.unclaim(task.getId(), REVIEWER2))
                .isInstanceOf(UserFacingException.class).hasFieldOrPropertyWithValue("messageKey", "review.unclaim.notYours");
        inbox.unclaim(task.getId(), SUPERVISOR);
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
        assertThatThrownBy(() -> inbox.unclaim(task.getId(), REVIEWER))
                .isInstanceOf(UserFacingException.class).hasFieldOrPropertyWithValue("messageKey", "review.unclaim.notClaimed");
    }

    @Test
    void onlySupervisorsAssignAndOnlyToMembersOfTheTasksGroups() {
        Task task = fixtures.start(marker, REVIEWERS, now.plusDays(3), 50, now);

        assertThatThrownBy(() -> inbox.assign(task.getId(), "reviewer2", REVIEWER)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> inbox.assign(task.getId(), "hotline", SUPERVISOR))
                .isInstanceOf(UserFacingException.class).hasFieldOrPropertyWithValue("messageKey", "review.assign.notCandidate");
        assertThatThrownBy(() -> inbox.assign(task.getId(), "nobody-" + marker, SUPERVISOR))
                .isInstanceOf(UserFacingException.class).hasFieldOrPropertyWithValue("messageKey", "review.assign.unknownUser");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();

        inbox.assign(task.getId(), "reviewer2", SUPERVISOR);
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("reviewer2");
    }

    @Test
    void everyClaimUnclaimAndAssignIsAudited() {
        Task task = fixtures.start(marker, REVIEWERS, now.plusDays(3), 50, now);
        String caseRef = inbox.find(task.getId(), REVIEWER).orElseThrow().caseRef();

        inbox.claim(task.getId(), REVIEWER);
        inbox.unclaim(task.getId(), REVIEWER);
        inbox.assign(task.getId(), "reviewer2", SUPERVISOR);
        assertThatThrownBy(() -> inbox.claim(task.getId(), REVIEWER)).isInstanceOf(UserFacingException.class);

        assertThat(jdbc.sql("select actor, action from audit_record where case_ref = :ref order by id").param("ref", caseRef)
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list())
                .containsExactly("reviewer review.claim", "reviewer review.unclaim", "supervisor review.assign");
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private long projected(String processInstanceId) {
        return jdbc.sql("select count(*) from review_task where process_instance_id = :id").param("id", processInstanceId)
                .query(Long.class).single();
    }

    private InboxQuery query(InboxTab tab) {
        return new InboxQuery(tab, InboxFixtures.PROCESS_KEY, marker, null, InboxQuery.Sort.DUE, 0, 50);
    }

    private List<String> ids(InboxTab tab, CurrentUser user) {
        return inbox.page(query(tab), user).stream().map(ReviewTask::taskId).toList();
    }

    private List<String> search(String text) {
        return inbox.page(new InboxQuery(InboxTab.UNCLAIMED, null, text, null, InboxQuery.Sort.DUE, 0, 50), REVIEWER)
                .stream().map(ReviewTask::taskId).toList();
    }

    private List<String> sorted(InboxQuery.Sort sort) {
        return inbox.page(new InboxQuery(InboxTab.UNCLAIMED, null, marker, null, sort, 0, 50), REVIEWER)
                .stream().map(ReviewTask::taskId).toList();
    }
}
