package org.reviewdesk.review;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.reviewdesk.ReviewDeskApplication;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 5's inbox benchmark, projection side: the real {@link InboxService} on PostgreSQL 17
 * (embedded) with {@code -Dbench.tasks} (default 100,000) open tasks spread over 20 groups, a
 * fifth of them claimed by 50 users, a tenth overdue, generated with SQL in the shape the task
 * listeners write. Prints p50/p95 of each tab's first page and count and of the searches; asserts
 * nothing. The same questions asked of Camunda's TaskQuery with variable filters are not measured
 * yet (see docs/benchmarks.md).
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.reviewdesk.review.InboxBenchmark</pre>
 */
public final class InboxBenchmark {

    public static void main(String[] args) throws Exception {
        int tasks = Integer.getInteger("bench.tasks", 100_000);
        int runs = Integer.getInteger("bench.runs", 200);
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ReviewDeskApplication.class)
                .profiles("test")
                // command-line arguments: they outrank the test profile (default properties would not)
                .run("--server.port=0", "--reviewdesk.data-dir=" + Files.createTempDirectory("inbox-bench"),
                        "--spring.datasource.url=" + pg.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres", "--spring.datasource.password=",
                        "--reviewdesk.demo-data=never", "--logging.level.root=warn");
        try {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            System.out.println("application database: " + jdbc.sql("select version()").query(String.class).single());
            long start = System.nanoTime();
            generate(jdbc, tasks);
            System.out.printf("generated %,d open tasks over 20 groups in %.1f s%n", tasks, (System.nanoTime() - start) / 1e9);
            Inbox inbox = app.getBean(Inbox.class);
            CurrentUser reviewer = new CurrentUser("user7", Set.of(Role.REVIEWER));
            CurrentUser supervisor = new CurrentUser("chief", Set.of(Role.SUPERVISOR));
            for (InboxTab tab : List.of(InboxTab.MINE, InboxTab.UNCLAIMED, InboxTab.OVERDUE)) {
                InboxQuery first = InboxQuery.firstPage(tab);
                time("reviewer " + tab + " first page", runs, () -> inbox.page(first, reviewer));
                time("reviewer " + tab + " count", runs, () -> inbox.count(first, reviewer));
            }
            InboxQuery all = InboxQuery.firstPage(InboxTab.ALL);
            time("supervisor ALL first page", runs, () -> inbox.page(all, supervisor));
            time("supervisor ALL count", runs, () -> inbox.count(all, supervisor));
            time("reviewer tab counts (all tabs)", runs, () -> inbox.tabCounts(reviewer));
            InboxQuery byCode = new InboxQuery(InboxTab.ALL, null, "914403000000012345", null, InboxQuery.Sort.DUE, 0, 50);
            time("search by credit code", runs, () -> inbox.page(byCode, supervisor));
            InboxQuery byName = new InboxQuery(InboxTab.ALL, null, "示例科技7", null, InboxQuery.Sort.DUE, 0, 50);
            time("search by name fragment", runs, () -> inbox.page(byName, supervisor));
        } finally {
            app.close();
            pg.close();
        }
    }

    /** Rows as the listeners write them: groups reviewers, supervisors and g03..g20; user1..user50 hold a fifth. */
    static void generate(JdbcClient jdbc, int tasks) {
        jdbc.sql("""
                insert into review_task (task_id, process_key, process_instance_id, business_key, task_key, task_name,
                    assignee, assigned_at, created_at, due_at, priority, case_ref, title, title_lower, code, received_at)
                select 't' || i, 'registration', 'p' || i, 'RD2026' || lpad(i::text, 9, '0'), 'review', '人工审核 Review',
                    case when i % 5 = 0 then 'user' || (i % 50 + 1) end,
                    case when i % 5 = 0 then now() end,
                    now() - (i % 1000) * interval '1 minute',
                    now() + ((i % 10) - 1) * interval '1 day',
                    50, 'RD2026' || lpad(i::text, 9, '0'),
                    '深圳市示例科技' || i || '有限公司', lower('深圳市示例科技' || i || '有限公司'),
                    '9144030000' || lpad(i::text, 8, '0'),
                    now() - (i % 1000) * interval '1 minute'
                from generate_series(1, :n) as i""").param("n", tasks).update();
        jdbc.sql("""
                insert into review_task_group (task_id, group_id, assignee, due_at)
                select task_id,
                    case (substr(task_id, 2)::int % 20) when 0 then 'reviewers' when 1 then 'supervisors'
                        else 'g' || lpad(((substr(task_id, 2)::int % 20) + 1)::text, 2, '0') end,
                    assignee, due_at
                from review_task where process_key = 'registration' and task_id like 't%'""").update();
        jdbc.sql("analyze review_task").update();
        jdbc.sql("analyze review_task_group").update();
    }

    static void time(String what, int runs, Supplier<?> question) {
        for (int i = 0; i < 20; i++) {
            question.get();
        }
        List<Long> nanos = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            question.get();
            nanos.add(System.nanoTime() - start);
        }
        Collections.sort(nanos);
        System.out.printf("%-34s p50 %6.2f ms   p95 %6.2f ms%n", what,
                nanos.get(runs / 2) / 1e6, nanos.get((int) Math.ceil(runs * 0.95) - 1) / 1e6);
    }
}
