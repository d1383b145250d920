package org.reviewdesk.review;

import org.reviewdesk.BenchmarkApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 5's inbox benchmark: the real {@link InboxService} on its projection against Camunda's
 * {@link TaskQuery} with process-variable filters, on the same data, in the same run. Prints p50/p95
 * per question and the speed-up; asserts nothing.
 *
 * <p>The data has the shape the engine makes: one instance of a small review process is started
 * (and one completed) by the real engine, then {@link EngineShapedData} copies their rows in
 * Camunda's runtime and history tables with SQL, {@code -Dbench.tasks} open tasks (default 100,000
 * on PostgreSQL, 20,000 on H2) over 20 candidate groups, a fifth of each group claimed by 50 users,
 * a tenth overdue, each instance with the {@code creditCode} and {@code enterpriseName} variables a
 * stock Camunda application would keep; and {@code -Dbench.history} completed ones (default
 * 1,000,000; 200,000 on H2). The projection rows are written for the same tasks as the listeners
 * would write them.
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.reviewdesk.review.InboxBenchmark          # PostgreSQL 17
 * java -Dbench.db=h2 -cp target/test-classes:target/classes:$(cat target/cp.txt) org.reviewdesk.review.InboxBenchmark
 * </pre>
 * {@code -Dbench.runs} timed runs per question (200), {@code -Dbench.warmup} untimed ones before them (200).
 * {@code -Dbench.hold=true} keeps PostgreSQL running after the figures (its URL is printed) to read plans with psql.
 */
public final class InboxBenchmark {

    static final String PROCESS = "benchReview";
    static final String CODE_PREFIX = "9144030000";

    public static void main(String[] args) throws Exception {
        boolean h2 = "h2".equalsIgnoreCase(System.getProperty("bench.db", "postgres"));
        int tasks = Integer.getInteger("bench.tasks", h2 ? 20_000 : 100_000);
        int done = Integer.getInteger("bench.history", h2 ? 200_000 : 1_000_000);
        int runs = Integer.getInteger("bench.runs", 200);
        EmbeddedPostgres pg = h2 ? null : EmbeddedPostgres.builder().start();
        BenchmarkApplication application = BenchmarkApplication.postgresOr(pg, "inbox-bench");
        ConfigurableApplicationContext app = application.start();
        try {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            System.out.println("application database: " + (h2 ? "H2 " + jdbc.sql("select h2version()").query(String.class).single()
                    : jdbc.sql("select version()").query(String.class).single()));
            EngineShapedData data = new EngineShapedData(jdbc, h2);
            long start = System.nanoTime();
            data.generate(templates(app), tasks, done);
            System.out.printf("generated %,d open tasks over 20 groups and %,d completed in history in %.0f s%n", tasks, done,
                    (System.nanoTime() - start) / 1e9);
            ask(app, tasks, runs);
            if (!h2 && Boolean.getBoolean("bench.hold")) {
                System.out.println("holding PostgreSQL at " + application.url() + " (Ctrl-C to end)");
                Thread.currentThread().join();
            }
        } finally {
            app.close();
            if (pg != null) {
                pg.close();
            }
        }
    }

    /** One open and one completed instance of a one-task process, made by the real engine. */
    private static EngineShapedData.Templates templates(ConfigurableApplicationContext app) {
        app.getBean(RepositoryService.class).createDeployment().name(PROCESS)
                .addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1825)
                        .startEvent().userTask("review").name("人工审核").camundaCandidateGroups("reviewers").endEvent().done())
                .deploy();
        RuntimeService runtime = app.getBean(RuntimeService.class);
        TaskService taskService = app.getBean(TaskService.class);
        Map<String, Object> variables = Map.of("creditCode", CODE_PREFIX + "TEMPLATE", "enterpriseName", "模板企业有限公司");
        String open = runtime.startProcessInstanceByKey(PROCESS, "BENCH-OPEN", variables).getId();
        String closed = runtime.startProcessInstanceByKey(PROCESS, "BENCH-DONE", variables).getId();
        String closedTask = taskService.createTaskQuery().processInstanceId(closed).singleResult().getId();
        taskService.claim(closedTask, "user1");
        taskService.complete(closedTask);
        return new EngineShapedData.Templates(open, taskService.createTaskQuery().processInstanceId(open).singleResult().getId(),
                "BENCH-OPEN", closed, closedTask, "BENCH-DONE");
    }

    private static void ask(ConfigurableApplicationContext app, int tasks, int runs) {
        Inbox inbox = app.getBean(Inbox.class);
        TaskService camunda = app.getBean(TaskService.class);
        CurrentUser reviewer = new CurrentUser("user7", Set.of(Role.REVIEWER));
        CurrentUser supervisor = new CurrentUser("chief", Set.of(Role.SUPERVISOR));
        String code = EngineShapedData.code(tasks / 3);
        String fragment = "示例科技7";
        Date now = new Date();
        List<Row> rows = new ArrayList<>();

        rows.add(compare("reviewer, MINE first page", runs,
                () -> inbox.page(InboxQuery.firstPage(InboxTab.MINE), reviewer),
                () -> camunda.createTaskQuery().taskAssignee("user7").orderByDueDate().asc().listPage(0, 50)));
        rows.add(compare("reviewer, MINE count", runs,
                () -> inbox.count(InboxQuery.firstPage(InboxTab.MINE), reviewer),
                () -> camunda.createTaskQuery().taskAssignee("user7").count()));
        rows.add(compare("group's first page (UNCLAIMED)", runs,
                () -> inbox.page(InboxQuery.firstPage(InboxTab.UNCLAIMED), reviewer),
                () -> camunda.createTaskQuery().taskCandidateGroup("reviewers").orderByDueDate().asc().listPage(0, 50)));
        rows.add(compare("group's count (UNCLAIMED)", runs,
                () -> inbox.count(InboxQuery.firstPage(InboxTab.UNCLAIMED), reviewer),
                () -> camunda.createTaskQuery().taskCandidateGroup("reviewers").count()));
        rows.add(compare("reviewer, OVERDUE first page", runs,
                () -> inbox.page(InboxQuery.firstPage(InboxTab.OVERDUE), reviewer),
                () -> camunda.createTaskQuery().or().taskAssignee("user7").taskCandidateGroup("reviewers").endOr()
                        .dueBefore(now).orderByDueDate().asc().listPage(0, 50)));
        rows.add(compare("reviewer, OVERDUE count", runs,
                () -> inbox.count(InboxQuery.firstPage(InboxTab.OVERDUE), reviewer),
                () -> camunda.createTaskQuery().or().taskAssignee("user7").taskCandidateGroup("reviewers").endOr()
                        .dueBefore(now).count()));
        rows.add(compare("supervisor, ALL first page", runs,
                () -> inbox.page(InboxQuery.firstPage(InboxTab.ALL), supervisor),
                () -> camunda.createTaskQuery().orderByDueDate().asc().listPage(0, 50)));
        rows.add(compare("supervisor, ALL count", runs,
                () -> inbox.count(InboxQuery.firstPage(InboxTab.ALL), supervisor),
                () -> camunda.createTaskQuery().count()));
        rows.add(compare("reviewer, all tab counts", runs, () -> inbox.tabCounts(reviewer), null));
        rows.add(compare("search by credit code", runs,
                () -> inbox.page(new InboxQuery(InboxTab.ALL, null, code, null, InboxQuery.Sort.DUE, 0, 50), supervisor),
                () -> camunda.createTaskQuery().processVariableValueEquals("creditCode", code)
                        .orderByDueDate().asc().listPage(0, 50)));
        rows.add(compare("search by name fragment", runs,
                () -> inbox.page(new InboxQuery(InboxTab.ALL, null, fragment, null, InboxQuery.Sort.DUE, 0, 50), supervisor),
                () -> camunda.createTaskQuery().processVariableValueLike("enterpriseName", "%" + fragment + "%")
                        .orderByDueDate().asc().listPage(0, 50)));

        System.out.println();
        System.out.println("| question | projection p50 / p95 ms | TaskQuery p50 / p95 ms | speed-up at p95 |");
        System.out.println("| --- | --- | --- | --- |");
        rows.forEach(r -> System.out.println(r.markdown()));
    }

    private static Row compare(String what, int runs, Supplier<?> projection, Supplier<?> taskQuery) {
        long[] ours = time(runs, projection);
        long[] theirs = taskQuery == null ? null : time(runs, taskQuery);
        Row row = new Row(what, ours, theirs);
        System.out.println(row.markdown());
        return row;
    }

    /**
     * p50 and p95 in nanoseconds, after {@code -Dbench.warmup} untimed runs (default 200: with 20, the first
     * questions were timed while the JIT still compiled their path, and a p95 of 200 timings is the 10th worst).
     */
    static long[] time(int runs, Supplier<?> question) {
        int warmUp = Integer.getInteger("bench.warmup", 200);
        for (int i = 0; i < warmUp; i++) {
            question.get();
        }
        List<Long> nanos = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            question.get();
            nanos.add(System.nanoTime() - start);
        }
        Collections.sort(nanos);
        return new long[]{nanos.get(runs / 2), nanos.get((int) Math.ceil(runs * 0.95) - 1)};
    }

    private record Row(String what, long[] ours, long[] theirs) {

        String markdown() {
            return theirs == null
                    ? String.format("| %s | %.2f / %.2f | — | — |", what, ours[0] / 1e6, ours[1] / 1e6)
                    : String.format("| %s | %.2f / %.2f | %.2f / %.2f | %.1f× |", what, ours[0] / 1e6, ours[1] / 1e6,
                            theirs[0] / 1e6, theirs[1] / 1e6, (double) theirs[1] / ours[1]);
        }
    }
}
