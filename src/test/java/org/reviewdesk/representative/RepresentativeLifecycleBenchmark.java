package org.reviewdesk.representative;

import org.reviewdesk.BenchmarkApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.reviewdesk.accounts.EnterpriseAccounts;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.registration.LifecycleBenchmark;
import org.reviewdesk.registration.TestDocuments;
import org.reviewdesk.review.ReviewDecision;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.TestCodes;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 12's benchmark: full process-2 lifecycles per second through the real application (a window
 * clerk starts the case for an ACTIVE account, scans the documents through inspection into the
 * embedded S3 store, submits; the automated checks; a reviewer's first review; a supervisor's second
 * approval, which deregisters the account) against a bare Camunda engine running the same
 * {@code representative-change.bpmn} with no-op delegates (start, the async job, both user tasks), on
 * the same database server in the same run. The accounts are opened before the clock starts. Prints
 * figures, asserts nothing. Run (see docs/benchmarks.md):
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.reviewdesk.representative.RepresentativeLifecycleBenchmark [--postgres]</pre>
 *
 * {@code -Dbench.lifecycles=100 -Dbench.threads=1,4} change the counts.
 */
public final class RepresentativeLifecycleBenchmark {

    private static final CurrentUser CLERK = new CurrentUser("window", Set.of(Role.WINDOW_CLERK));
    private static final CurrentUser REVIEWER = new CurrentUser("reviewer", Set.of(Role.REVIEWER));
    private static final CurrentUser SUPERVISOR = new CurrentUser("supervisor", Set.of(Role.SUPERVISOR));
    private static final int WARM_UP = 20;

    /** Nanoseconds spent per step of the application's lifecycle, summed over all lifecycles. */
    private static final Map<String, LongAdder> STEPS = new ConcurrentSkipListMap<>();

    private RepresentativeLifecycleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean postgres = List.of(args).contains("--postgres");
        int lifecycles = Integer.getInteger("bench.lifecycles", 100);
        List<Integer> threadCounts = List.of(System.getProperty("bench.threads", "1,4").split(",")).stream()
                .map(String::trim).map(Integer::valueOf).toList();
        Path data = Files.createTempDirectory("representative-bench");
        EmbeddedPostgres pg = postgres ? EmbeddedPostgres.builder().start() : null;
        String appUrl;
        String bareUrl;
        if (pg != null) {
            try (Connection c = pg.getPostgresDatabase().getConnection()) {
                c.createStatement().execute("create database bare");
            }
            appUrl = pg.getJdbcUrl("postgres", "postgres");
            bareUrl = pg.getJdbcUrl("postgres", "bare");
        } else {
            appUrl = "jdbc:h2:mem:representative-app;DB_CLOSE_DELAY=-1";
            bareUrl = "jdbc:h2:mem:representative-bare;DB_CLOSE_DELAY=-1";
        }
        String user = pg != null ? "postgres" : "sa";
        System.out.printf("database: %s, lifecycles per measurement: %d, threads: %s, cores: %d%n",
                postgres ? "PostgreSQL (embedded)" : "H2 in memory", lifecycles, threadCounts,
                Runtime.getRuntime().availableProcessors());

        ProcessEngine bare = bareEngine(bareUrl, user);
        Map<Integer, Double> bareRates = new java.util.LinkedHashMap<>();
        LifecycleBenchmark.measure("bare engine", WARM_UP, threadCounts.get(0), () -> bareLifecycle(bare));
        for (int threads : threadCounts) {
            bareRates.put(threads, LifecycleBenchmark.measure("bare engine", lifecycles, threads,
                    () -> bareLifecycle(bare)));
        }
        bare.close();

        ConfigurableApplicationContext app = BenchmarkApplication.on(appUrl, user).dataDir(data).start();
        try {
            RepresentativeChanges changes = app.getBean(RepresentativeChanges.class);
            RepresentativeReview review = app.getBean(RepresentativeReview.class);
            EnterpriseAccounts accounts = app.getBean(EnterpriseAccounts.class);
            RuntimeService runtime = app.getBean(RuntimeService.class);
            ManagementService management = app.getBean(ManagementService.class);
            byte[] png = TestDocuments.png();
            Queue<String> codes = new ConcurrentLinkedQueue<>();
            int needed = WARM_UP + lifecycles * threadCounts.size();
            for (int i = 0; i < needed; i++) {
                codes.add(RepresentativeFixture.account(app, LegalPersonType.ENTERPRISE));
            }
            Runnable lifecycle = () -> appLifecycle(codes.remove(), changes, review, accounts, runtime, management, png);
            LifecycleBenchmark.measure("application", WARM_UP, threadCounts.get(0), lifecycle);
            for (int threads : threadCounts) {
                STEPS.clear();
                double rate = LifecycleBenchmark.measure("application", lifecycles, threads, lifecycle);
                STEPS.forEach((name, nanos) -> System.out.printf("    %-30s %7.1f ms per lifecycle%n", name, nanos.sum() / 1e6 / lifecycles));
                System.out.printf("ratio application/bare with %d thread(s): %.2f%n", threads, rate / bareRates.get(threads));
                if (threads == 1) {
                    double total = STEPS.values().stream().mapToLong(LongAdder::sum).sum() / 1e6 / lifecycles;
                    double uploads = STEPS.get("2 scan documents").sum() / 1e6 / lifecycles;
                    double withoutUploads = 1000 / (total - uploads);
                    System.out.printf("without the uploads, 1 thread: %.1f per second, ratio %.2f%n", withoutUploads,
                            withoutUploads / bareRates.get(threads));
                }
            }
        } finally {
            app.close();
            if (pg != null) {
                pg.close();
            }
        }
    }

    private static long step(String name, long since) {
        long now = System.nanoTime();
        STEPS.computeIfAbsent(name, n -> new LongAdder()).add(now - since);
        return now;
    }

    static void appLifecycle(String uscc, RepresentativeChanges changes, RepresentativeReview review, EnterpriseAccounts accounts,
                             RuntimeService runtime, ManagementService management, byte[] png) {
        long t = System.nanoTime();
        ChangeStarted started = changes.startAtWindow(RepresentativeFixture.request(uscc), CLERK, Locale.SIMPLIFIED_CHINESE);
        t = step("1 start at the window", t);
        for (String slot : changes.requiredSlots(started.access())) {
            changes.uploadAtWindow(started.number(), slot, slot + ".png", "image/png", new ByteArrayInputStream(png), CLERK);
        }
        t = step("2 scan documents", t);
        changes.submitAtWindow(started.number(), CLERK);
        t = step("3 submit", t);
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(started.number()).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(instance).singleResult().getId());
        t = step("4 automated checks", t);
        review.decideFirst(started.number(), new ReviewDecision.Approve(null), REVIEWER);
        t = step("5 first review", t);
        review.decideSecond(started.number(), new ReviewDecision.Approve(null), SUPERVISOR);
        step("6 second approval, deregister", t);
        if (accounts.findActive(uscc).isPresent()) {
            throw new IllegalStateException("not deregistered: " + started.number());
        }
    }

    private static final AtomicInteger BARE_KEYS = new AtomicInteger();

    static void bareLifecycle(ProcessEngine engine) {
        String key = "BARE" + BARE_KEYS.incrementAndGet();
        String instance = engine.getRuntimeService().startProcessInstanceByKey(RepresentativeProcess.KEY, key).getId();
        ManagementService management = engine.getManagementService();
        management.executeJob(management.createJobQuery().processInstanceId(instance).singleResult().getId());
        TaskService tasks = engine.getTaskService();
        Task first = tasks.createTaskQuery().processInstanceId(instance).singleResult();
        tasks.claim(first.getId(), "reviewer");
        tasks.complete(first.getId(), Variables.createVariables()
                .putValue(RepresentativeProcess.Var.DECISION, RepresentativeProcess.Decision.APPROVE.name()));
        Task second = tasks.createTaskQuery().processInstanceId(instance).singleResult();
        tasks.claim(second.getId(), "supervisor");
        tasks.complete(second.getId(), Variables.createVariables()
                .putValue(RepresentativeProcess.Var.DECISION, RepresentativeProcess.Decision.APPROVE.name()));
    }

    static ProcessEngine bareEngine(String url, String user) {
        return LifecycleBenchmark.bareEngine("bare-representative", url, user, "representativeSteps", new NoOpSteps(),
                "processes/representative/representative-change.bpmn");
    }

    /** The model's delegates, doing nothing but what the model needs to go on (its due dates). */
    public static final class NoOpSteps {
        public void checkAccount(DelegateExecution e) { }
        public void checkDocuments(DelegateExecution e) { }
        public void recordStop(DelegateExecution e) { }
        public void startReview(DelegateExecution e) {
            e.setVariable(RepresentativeProcess.Var.REVIEW_DUE, new Date(System.currentTimeMillis() + Duration.ofDays(7).toMillis()));
        }
        public void escalateReview(DelegateExecution e) { }
        public void requestSupplement(DelegateExecution e) {
            e.setVariable(RepresentativeProcess.Var.SUPPLEMENT_DUE, new Date(System.currentTimeMillis() + Duration.ofDays(14).toMillis()));
        }
        public void withdraw(DelegateExecution e) { }
        public void recordRejection(DelegateExecution e) { }
        public void deregisterAccount(DelegateExecution e) { }
    }
}
