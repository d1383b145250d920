package org.reviewdesk.review;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.InputStream;
import java.sql.Connection;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Issue 5's dashboard under a full history: Camunda's own PostgreSQL history schema (its create
 * script, so its indexes) with {@code -Dbench.history} (default 1,000,000) completed tasks, one a
 * minute going back about two years (about 10,000 in the current week), over 50 assignees, a tenth
 * unassigned (applicant tasks) and a twentieth deleted rather than completed. Prints p50/p95 of
 * {@link DecidedTasks}'s two queries and the plan PostgreSQL chose; asserts nothing.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.reviewdesk.review.DecidedTasksBenchmark</pre>
 */
public final class DecidedTasksBenchmark {

    public static void main(String[] args) throws Exception {
        int history = Integer.getInteger("bench.history", 1_000_000);
        int runs = Integer.getInteger("bench.runs", 200);
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            // one connection for the whole run, as a pool would hand out: the figures are the queries', not connecting's
            SingleConnectionDataSource data = new SingleConnectionDataSource(pg.getPostgresDatabase().getConnection(), true);
            try (Connection connection = data.getConnection();
                 InputStream script = DecidedTasksBenchmark.class.getResourceAsStream(
                         "/org/camunda/bpm/engine/db/create/activiti.postgres.create.history.sql")) {
                ScriptUtils.executeSqlScript(connection, new org.springframework.core.io.InputStreamResource(script));
            }
            JdbcClient jdbc = JdbcClient.create(data);
            long start = System.nanoTime();
            jdbc.sql("""
                    insert into ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_,
                        EXECUTION_ID_, ACT_INST_ID_, NAME_, ASSIGNEE_, START_TIME_, END_TIME_, DURATION_, DELETE_REASON_, PRIORITY_)
                    select 'h' || g, case when g % 10 = 0 then 'supplement' else 'review' end, 'registration', 'registration:1:x',
                        'p' || g, 'p' || g, 'e' || g, 'a' || g, '审核',
                        case when g % 10 = 0 then null else 'user' || (g % 50) end,
                        localtimestamp - g * interval '1 minute' - interval '3 hours', localtimestamp - g * interval '1 minute',
                        10800000, case when g % 20 = 1 then 'deleted' else 'completed' end, 50
                    from generate_series(1, :n) g""").param("n", history).update();
            // the outcome of every staff decision, as the projection writes it at completion (V30)
            jdbc.sql("create table review_outcome (task_id varchar(64) not null primary key, process_key varchar(255) not null,"
                    + " outcome varchar(30) not null)").update();
            jdbc.sql("""
                    insert into review_outcome (task_id, process_key, outcome)
                    select 'h' || g, 'registration', case g % 3 when 0 then 'APPROVED' when 1 then 'REJECTED' else 'DOCUMENTS_REQUESTED' end
                    from generate_series(1, :n) g where g % 10 <> 0""").param("n", history).update();
            jdbc.sql("analyze ACT_HI_TASKINST").update();
            jdbc.sql("analyze review_outcome").update();
            System.out.printf("PostgreSQL %s: %,d historic tasks generated in %.1f s%n",
                    jdbc.sql("show server_version").query(String.class).single(), history, (System.nanoTime() - start) / 1e9);

            DecidedTasks decided = new DecidedTasks(jdbc);
            DecisionPeriod period = DecisionPeriod.at(Clock.systemUTC(), ZoneId.of("Asia/Shanghai"));
            Long week = jdbc.sql("select count(*) from ACT_HI_TASKINST where END_TIME_ >= ? and END_TIME_ < ?")
                    .params(java.sql.Timestamp.from(period.weekStart()), java.sql.Timestamp.from(period.weekEnd()))
                    .query(Long.class).single();
            System.out.printf("this week's rows: %,d; decisions counted: %,d%n", week,
                    decided.perAssignee(period, List.of("registration")).values().stream().mapToLong(d -> d.thisWeek().decided()).sum());
            time("team: decided per assignee (today, this week)", runs, () -> decided.perAssignee(period, List.of("registration")));
            time("one reviewer: decided (today, this week)", runs, () -> decided.of("user7", period));
            System.out.println("plan of the team query:");
            jdbc.sql("explain analyze select ASSIGNEE_, count(*) from ACT_HI_TASKINST where END_TIME_ >= ? and END_TIME_ < ?"
                            + " and DELETE_REASON_ = 'completed' and ASSIGNEE_ is not null group by ASSIGNEE_")
                    .params(java.sql.Timestamp.from(period.weekStart()), java.sql.Timestamp.from(period.weekEnd()))
                    .query(String.class).list().forEach(line -> System.out.println("  " + line));
        }
    }

    private static void time(String what, int runs, Supplier<?> query) {
        for (int i = 0; i < 20; i++) {
            query.get();
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            query.get();
            nanos.add(System.nanoTime() - t);
        }
        Collections.sort(nanos);
        System.out.printf("%-50s p50 %6.2f ms  p95 %6.2f ms%n", what, nanos.get(runs / 2) / 1e6, nanos.get(runs * 95 / 100) / 1e6);
    }
}
