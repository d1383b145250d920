package org.reviewdesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reviewdesk.platform.BusinessTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The automatic assignment's choice on a real PostgreSQL 17 (the production database; its READ
 * COMMITTED snapshots are per statement): two nodes each create a task for the same two present
 * reviewers, the first's transaction still open when the second chooses. The second must wait on the
 * presence rows and then count the first's assignment; on a stale count both would pick the same
 * person. The schema is the application's own migrations.
 */
class AutoAssignmentPostgresTest {

    static EmbeddedPostgres postgres;
    static DataSource data;

    @BeforeAll
    static void started() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        data = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();
    }

    @AfterAll
    static void stopped() throws Exception {
        postgres.close();
    }

    @Test
    void aSecondCreationWaitsForTheFirstAndChoosesTheOtherReviewer() throws Exception {
        JdbcClient jdbc = JdbcClient.create(data);
        BusinessTime time = new BusinessTime(Clock.systemUTC(), ZoneId.of("Asia/Shanghai"));
        for (String who : List.of("pg-a", "pg-b")) {
            jdbc.sql("insert into review_presence (username, present_on, changed_at) values (:u, :d, :at)")
                    .param("u", who).param("d", time.today()).param("at", OffsetDateTime.now()).update();
        }
        AutoAssignment assignment = new AutoAssignment(jdbc, null, null, time);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(data));
        CountDownLatch firstChose = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = pool.submit(() -> transaction.execute(status -> {
                String chosen = assigned(jdbc, "pg-task-1", assignment.choose(List.of("pg-a", "pg-b")));
                firstChose.countDown();
                await(commitFirst);
                return chosen;
            }));
            await(firstChose);
            Future<String> second = pool.submit(() -> transaction.execute(status ->
                    assigned(jdbc, "pg-task-2", assignment.choose(List.of("pg-a", "pg-b")))));
            Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> second.isDone() || jdbc.sql(
                    "select count(*) from pg_stat_activity where wait_event_type = 'Lock'").query(Long.class).single() > 0);
            commitFirst.countDown();

            assertThat(first.get(1, TimeUnit.MINUTES)).isEqualTo("pg-a");
            assertThat(second.get(1, TimeUnit.MINUTES)).as("the second counted the first's assignment").isEqualTo("pg-b");
        } finally {
            commitFirst.countDown();
            pool.shutdown();
        }
    }

    /** What the create listener writes after choosing: the task's projection row with its assignee. */
    private static String assigned(JdbcClient jdbc, String taskId, String assignee) {
        jdbc.sql("""
                insert into review_task (task_id, process_key, created_at, priority, received_at, assignee, assigned_at, assigned_reason)
                values (:id, 'pg', :now, 50, :now, :who, :now, 'AUTO')""")
                .param("id", taskId).param("now", OffsetDateTime.now()).param("who", assignee).update();
        return assignee;
    }

    /** Waits for the latch, for tests that hold one transaction open while another runs. */
    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
