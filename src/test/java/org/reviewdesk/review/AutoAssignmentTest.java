package org.reviewdesk.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Automatic assignment through the real engine, projection and inbox, on the four-eyes test process
 * ({@code review/four-eyes-test.bpmn}: 初审 then 复核, both offered to reviewers and supervisors). The
 * demo reviewers {@code reviewer} and {@code reviewer2} are the members who may be present; loads are
 * made unequal on purpose, so each rule is seen choosing against the plain least-loaded answer.
 */
@ApplicationTest
class AutoAssignmentTest {

    static final CurrentUser SUPERVISOR = new CurrentUser("supervisor", Set.of(Role.SUPERVISOR, Role.REVIEWER));
    static final CurrentUser REVIEWER = new CurrentUser("reviewer", Set.of(Role.REVIEWER));
    static final CurrentUser REVIEWER2 = new CurrentUser("reviewer2", Set.of(Role.REVIEWER));

    @Autowired AutoAssignment assignment;
    @Autowired Inbox inbox;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired JdbcClient jdbc;
    @Autowired BusinessTime time;
    @Autowired PlatformTransactionManager transactions;

    final List<String> instances = new ArrayList<>();
    InboxFixtures fixtures;

    @BeforeEach
    void deployed() {
        if (repository.createProcessDefinitionQuery().processDefinitionKey(FourEyesTest.KEY).count() == 0) {
            repository.createDeployment().addClasspathResource("review/four-eyes-test.bpmn").deploy();
        }
        fixtures = new InboxFixtures(repository, runtime, tasks);
        // the supervisor is present too in some tests' eyes: keep them out of every choice here
        jdbc.sql("delete from review_presence").update();
    }

    @AfterEach
    void switchedOffAndCleared() {
        jdbc.sql("delete from review_auto_assign").update();
        jdbc.sql("delete from review_presence").update();
        instances.forEach(id -> {
            if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
                runtime.deleteProcessInstance(id, "test over");
            }
        });
    }

    @Test
    void offByDefaultANewTaskStaysUnassignedInItsGroup() {
        assignment.setPresent(true, REVIEWER);
        assignment.setPresent(true, REVIEWER2);

        Task first = start();

        assertThat(first.getAssignee()).isNull();
        assertThat(assignment.settings(SUPERVISOR)).filteredOn(s -> s.processKey().equals(FourEyesTest.KEY))
                .isNotEmpty().noneMatch(AutoAssignment.Setting::on);
    }

    @Test
    void theLeastLoadedPresentMemberGetsTheNewTaskWithTheReasonShown() {
        switchOn();
        assignment.setPresent(true, REVIEWER);
        assignment.setPresent(true, REVIEWER2);
        String lighter = heavier("reviewer");

        Task first = start();

        assertThat(first.getAssignee()).isEqualTo(lighter);
        ReviewTask shown = inbox.find(first.getId(), SUPERVISOR).orElseThrow();
        assertThat(shown.assignee()).isEqualTo(lighter);
        assertThat(shown.autoAssigned()).as("the reason is on the task").isTrue();
        assertThat(jdbc.sql("select count(*) from review_task_group where task_id = :id and assignee = :who")
                .param("id", first.getId()).param("who", lighter).query(Long.class).single())
                .as("no longer unclaimed in the group").isPositive();
        assertThat(jdbc.sql("select count(*) from audit_record where action = :a and detail like :d")
                .param("a", AutoAssignment.AUDIT_ASSIGNED).param("d", "task " + first.getId() + "%").query(Long.class).single())
                .isOne();
    }

    @Test
    void aManualReassignmentDropsTheAutomaticReason() {
        switchOn();
        assignment.setPresent(true, REVIEWER2);
        Task first = start();
        assertThat(first.getAssignee()).isEqualTo("reviewer2");

        inbox.assign(first.getId(), "reviewer", SUPERVISOR);

        assertThat(inbox.find(first.getId(), SUPERVISOR).orElseThrow().autoAssigned()).isFalse();
    }

    @Test
    void absentMembersAreSkippedEvenWhenLessLoaded() {
        switchOn();
        assignment.setPresent(true, REVIEWER2);
        // reviewer said so yesterday: absent today
        jdbc.sql("insert into review_presence (username, present_on, changed_at) values ('reviewer', :yesterday, :at)")
                .param("yesterday", time.today().minusDays(1)).param("at", OffsetDateTime.now()).update();
        heavier("reviewer2");

        Task first = start();

        assertThat(first.getAssignee()).isEqualTo("reviewer2");
    }

    @Test
    void nobodyPresentLeavesTheTaskUnassignedInTheGroup() {
        switchOn();
        assignment.setPresent(true, REVIEWER);
        assignment.setPresent(false, REVIEWER);

        Task first = start();

        assertThat(first.getAssignee()).isNull();
        ReviewTask shown = inbox.find(first.getId(), REVIEWER2).orElseThrow();
        assertThat(shown.assignee()).isNull();
        assertThat(shown.candidateGroups()).contains("reviewers");
    }

    @Test
    void whoDidTheFirstReviewNeverGetsTheSecondApprovalOfTheSameCase() {
        switchOn();
        assignment.setPresent(true, REVIEWER);
        Task first = start();
        assertThat(first.getAssignee()).isEqualTo("reviewer");
        assignment.setPresent(true, REVIEWER2);
        heavier("reviewer");
        tasks.complete(first.getId());

        Task second = tasks.createTaskQuery().processInstanceId(first.getProcessInstanceId())
                .taskDefinitionKey("secondApproval").singleResult();
        assertThat(second.getAssignee()).as("reviewer is lighter now, but did the first step").isEqualTo("reviewer2");
    }

    @Test
    void whenOnlyTheFirstReviewerIsPresentTheSecondApprovalWaitsInTheGroup() {
        switchOn();
        assignment.setPresent(true, REVIEWER);
        Task first = start();
        assertThat(first.getAssignee()).isEqualTo("reviewer");

        tasks.complete(first.getId());

        Task second = tasks.createTaskQuery().processInstanceId(first.getProcessInstanceId())
                .taskDefinitionKey("secondApproval").singleResult();
        assertThat(second).as("created, not refused by the four-eyes rule").isNotNull();
        assertThat(second.getAssignee()).isNull();
    }

    @Test
    void aNonSupervisorCannotSwitchItOnNorForAGroupThatDoesNotWorkTheProcess() {
        assertThatThrownBy(() -> assignment.switchTo(FourEyesTest.KEY, Role.REVIEWER, true, REVIEWER))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> assignment.settings(REVIEWER)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> assignment.switchTo(FourEyesTest.KEY, Role.HOTLINE_AGENT, true, SUPERVISOR))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("review.autoAssign.notAGroupOfTheProcess"));
        assertThat(jdbc.sql("select count(*) from review_auto_assign").query(Long.class).single()).isZero();
        assertThatThrownBy(() -> assignment.setPresent(true, new CurrentUser("window", Set.of(Role.WINDOW_CLERK))))
                .as("presence is for who works a process").isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void switchingIsAudited() {
        switchOn();
        assignment.switchTo(FourEyesTest.KEY, Role.REVIEWER, false, SUPERVISOR);

        assertThat(jdbc.sql("select action from audit_record where actor = 'supervisor' and detail = :d order by id")
                .param("d", FourEyesTest.KEY + " / reviewers").query(String.class).list())
                .endsWith(AutoAssignment.AUDIT_SWITCHED_ON, AutoAssignment.AUDIT_SWITCHED_OFF);
        assertThat(assignment.settings(SUPERVISOR)).filteredOn(s -> s.processKey().equals(FourEyesTest.KEY))
                .noneMatch(AutoAssignment.Setting::on);
    }

    /**
     * Two cases submitted at once on two nodes: the first creation's transaction has chosen and is still
     * open when the second creates its task. The second must wait for the first's commit and then count
     * its assignment, not choose on a count that misses it.
     */
    @Test
    void twoTasksCreatedAtOnceDoNotBothGoToOnePersonOnAStaleCount() throws Exception {
        switchOn();
        assignment.setPresent(true, REVIEWER);
        assignment.setPresent(true, REVIEWER2);
        balance();
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        CountDownLatch firstChose = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Task> first = pool.submit(() -> transaction.execute(status -> {
                Task task = start();
                firstChose.countDown();
                AutoAssignmentPostgresTest.await(commitFirst);
                return task;
            }));
            AutoAssignmentPostgresTest.await(firstChose);
            Future<Task> second = pool.submit(() -> transaction.execute(status -> start()));
            // the second either finished on its own (it did not wait) or waits for the first's rows
            Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> second.isDone() || someoneWaitsForALock());
            commitFirst.countDown();

            assertThat(second.get(2, TimeUnit.MINUTES).getAssignee())
                    .as("the second counted the first's assignment").isNotEqualTo(first.get(2, TimeUnit.MINUTES).getAssignee());
        } finally {
            commitFirst.countDown();
            pool.shutdown();
        }
    }

    @Test
    void tasksCreatedOneAfterAnotherTakeTurns() {
        switchOn();
        assignment.setPresent(true, REVIEWER);
        assignment.setPresent(true, REVIEWER2);
        balance();
        Map<String, Long> before = loads();

        for (int i = 0; i < 4; i++) {
            start();
        }

        Map<String, Long> after = loads();
        assertThat(after.get("reviewer") - before.get("reviewer")).isEqualTo(2);
        assertThat(after.get("reviewer2") - before.get("reviewer2")).isEqualTo(2);
    }

    /** Whether a session of the database waits for a row lock another holds (H2 or PostgreSQL). */
    private boolean someoneWaitsForALock() {
        return jdbc.sql("select count(*) from information_schema.sessions where blocker_id is not null")
                .query(Long.class).single() > 0;
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private void switchOn() {
        assignment.switchTo(FourEyesTest.KEY, Role.REVIEWER, true, SUPERVISOR);
    }

    private Task start() {
        String instance = runtime.startProcessInstanceByKey(FourEyesTest.KEY, "FE" + UUID.randomUUID().toString().substring(0, 8)).getId();
        synchronized (instances) {
            instances.add(instance);
        }
        return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("firstReview").singleResult();
    }

    /** Gives {@code heavy} more open tasks than the other demo reviewer; returns the other, now the lighter. */
    private String heavier(String heavy) {
        String light = heavy.equals("reviewer") ? "reviewer2" : "reviewer";
        while (loads().get(heavy) <= loads().get(light)) {
            loadOnto(heavy);
        }
        return light;
    }

    /** Both demo reviewers hold as many open tasks. */
    private void balance() {
        Map<String, Long> loads = loads();
        while (!loads.get("reviewer").equals(loads.get("reviewer2"))) {
            loadOnto(loads.get("reviewer") < loads.get("reviewer2") ? "reviewer" : "reviewer2");
            loads = loads();
        }
    }

    private void loadOnto(String username) {
        Task extra = fixtures.start(InboxFixtures.marker(), "reviewers", OffsetDateTime.now().plusDays(3), 50, OffsetDateTime.now());
        instances.add(extra.getProcessInstanceId());
        tasks.setAssignee(extra.getId(), username);
    }

    private Map<String, Long> loads() {
        return Map.of("reviewer", load("reviewer"), "reviewer2", load("reviewer2"));
    }

    private long load(String username) {
        return jdbc.sql("select count(*) from review_task where assignee = :u").param("u", username).query(Long.class).single();
    }
}
