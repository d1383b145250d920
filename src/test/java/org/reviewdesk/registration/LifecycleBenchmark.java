package org.reviewdesk.registration;

import org.reviewdesk.BenchmarkApplication;
import org.reviewdesk.review.ReviewDecision;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.awaitility.Awaitility;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.TestCodes;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 4's benchmark: full registration lifecycles per second through the real application
 * (create draft with its hashed access code, three small PNG documents through inspection and the
 * embedded S3 store, submit, the automated checks, the reviewer's approval, the account) against a
 * bare Camunda engine running the same {@code registration.bpmn} with no-op delegates (start, the
 * async job, complete the review), on the same database server in the same run. Prints figures,
 * asserts nothing. Run (see docs/benchmarks.md):
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.reviewdesk.registration.LifecycleBenchmark [--postgres]</pre>
 *
 * {@code -Dbench.lifecycles=100 -Dbench.threads=1,4} change the counts. The uploads are left out of the timing
 * (issue 16's row; {@code -Dbench.uploads-timed=true} times them as part of each lifecycle, issue 4's figure).
 */
public final class LifecycleBenchmark {

    private static final CurrentUser REVIEWER = new CurrentUser("reviewer", Set.of(Role.REVIEWER));

    public static void main(String[] args) throws Exception {
        boolean postgres = List.of(args).contains("--postgres");
        int lifecycles = Integer.getInteger("bench.lifecycles", 100);
        List<Integer> threadCounts = List.of(System.getProperty("bench.threads", "1,4").split(",")).stream()
                .map(String::trim).map(Integer::valueOf).toList();
        Path data = Files.createTempDirectory("lifecycle-bench");
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
            appUrl = "jdbc:h2:mem:lifecycle-app;DB_CLOSE_DELAY=-1";
            bareUrl = "jdbc:h2:mem:lifecycle-bare;DB_CLOSE_DELAY=-1";
        }
        String user = pg != null ? "postgres" : "sa";
        System.out.printf("database: %s, lifecycles per measurement: %d, threads: %s, cores: %d%n",
                postgres ? "PostgreSQL 17 (embedded)" : "H2 in memory", lifecycles, threadCounts,
                Runtime.getRuntime().availableProcessors());

        ProcessEngine bare = bareEngine(bareUrl, user);
        Map<Integer, Double> bareRates = new java.util.LinkedHashMap<>();
        Map<Integer, Double> bareCpu = new java.util.LinkedHashMap<>();
        measure("bare engine", 20, threadCounts.get(0), () -> bareLifecycle(bare));
        for (int threads : threadCounts) {
            long cpu = WORKER_CPU.sum();
            bareRates.put(threads, measure("bare engine", lifecycles, threads, () -> bareLifecycle(bare)));
            bareCpu.put(threads, (WORKER_CPU.sum() - cpu) / 1e6 / lifecycles);
        }
        bare.close();

        ConfigurableApplicationContext app = BenchmarkApplication.on(appUrl, user).dataDir(data).start();
        context = app;
        try {
            System.out.println("application database: " + app.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql(postgres ? "select version()" : "select h2version()").query(String.class).single());
            RegistrationService registrations = app.getBean(RegistrationService.class);
            RegistrationReview reviews = app.getBean(RegistrationReview.class);
            RuntimeService runtime = app.getBean(RuntimeService.class);
            ManagementService management = app.getBean(ManagementService.class);
            byte[] png = TestDocuments.png();
            boolean uploadsTimed = Boolean.getBoolean("bench.uploads-timed");
            System.out.println(uploadsTimed ? "uploads timed as part of each lifecycle"
                    : "uploads apart: drafts created (timed), their documents uploaded (not timed), then submit, checks, approve (timed)");
            for (int threads : threadCounts) {
                // the warm-up, and after it the measurement
                for (int count : List.of(20, lifecycles)) {
                    STEPS.clear();
                    long cpu = WORKER_CPU.sum();
                    double rate = uploadsTimed
                            ? measure("application", count, threads, () -> appLifecycle(registrations, reviews, runtime, management, png))
                            : measureUploadsApart(count, threads, registrations, reviews, runtime, management, png);
                    if (count == lifecycles) {
                        STEPS.forEach((name, nanos) -> System.out.printf("    %-28s %7.1f ms per lifecycle%n", name, nanos.sum() / 1e6 / count));
                        System.out.printf("ratio application/bare with %d thread(s): %.2f%n", threads, rate / bareRates.get(threads));
                        double appCpu = (WORKER_CPU.sum() - cpu) / 1e6 / count;
                        System.out.printf("CPU of the lifecycle threads per lifecycle: bare %.1f ms, application %.1f ms;"
                                + " CPU-time ratio bare/application %.2f%n", bareCpu.get(threads), appCpu, bareCpu.get(threads) / appCpu);
                    }
                }
            }
        } finally {
            app.close();
            if (pg != null) {
                pg.close();
            }
        }
    }

    /** Nanoseconds spent per step of the application's lifecycle, summed over all lifecycles. */
    static final Map<String, java.util.concurrent.atomic.LongAdder> STEPS = new java.util.concurrent.ConcurrentSkipListMap<>();

    private static long step(String name, long since) {
        long now = System.nanoTime();
        STEPS.computeIfAbsent(name, n -> new java.util.concurrent.atomic.LongAdder()).add(now - since);
        return now;
    }

    /** The running application, for the mobile proof of each draft. */
    private static ConfigurableApplicationContext context;

    /** The application whose drafts {@link #createDraft} makes (for {@link LifecycleStatements}). */
    static void useApplication(ConfigurableApplicationContext application) {
        context = application;
    }

    static void appLifecycle(RegistrationService registrations, RegistrationReview reviews, RuntimeService runtime, ManagementService management, byte[] png) {
        DraftCreated draft = createDraft();
        uploadDocuments(registrations, draft, png);
        submitToApproval(registrations, reviews, runtime, management, draft);
        requireApproved(registrations, draft);
    }

    private static final AtomicInteger MOBILES = new AtomicInteger();

    /** A draft with its proven mobile; one mobile per draft, as real applicants, so the per-mobile limits never bite. */
    static DraftCreated createDraft() {
        long t = System.nanoTime();
        String mobile = String.format("138%08d", MOBILES.incrementAndGet());
        ApplicantForm form = new ApplicantForm(LegalPersonType.ENTERPRISE, "深圳市基准测试有限公司",
                TestCodes.uscc(LegalPersonType.ENTERPRISE), false, "张三", IdType.RESIDENT_ID, "11010519491231002X",
                mobile, false, null, null, null, null, mobile, null);
        DraftCreated draft = org.reviewdesk.registration.MobileProofFixture.createDraft(context, form);
        step("1 create draft", t);
        return draft;
    }

    static void uploadDocuments(RegistrationService registrations, DraftCreated draft, byte[] png) {
        long t = System.nanoTime();
        for (String slot : registrations.requiredSlots(LegalPersonType.ENTERPRISE, false)) {
            registrations.upload(draft.access(), slot, slot + ".png", "image/png", new ByteArrayInputStream(png));
        }
        step("2 upload 3 documents", t);
    }

    static void submitToApproval(RegistrationService registrations, RegistrationReview reviews, RuntimeService runtime,
                                 ManagementService management, DraftCreated draft) {
        long t = System.nanoTime();
        registrations.submit(draft.access(), true);
        t = step("3 submit", t);
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(draft.applicationNumber())
                .singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(instance).singleResult().getId());
        t = step("4 automated checks", t);
        reviews.decide(draft.applicationNumber(), new ReviewDecision.Approve(null), REVIEWER);
        step("5 approve and open account", t);
    }

    /** The applicant's status page says approved: the lifecycle did what it should. */
    static void requireApproved(RegistrationService registrations, DraftCreated draft) {
        if (registrations.status(draft.access()).state() != RegistrationState.APPROVED) {
            throw new IllegalStateException("not approved: " + draft.applicationNumber());
        }
    }

    /**
     * Issue 16's lifecycle without the uploads: {@code count} drafts created on {@code threads} threads (timed),
     * their documents uploaded (not timed: the issue leaves them out, and a submit needs them), then submitted,
     * checked and approved on {@code threads} threads (timed). Lifecycles per second of the two timed phases.
     */
    static double measureUploadsApart(int count, int threads, RegistrationService registrations, RegistrationReview reviews,
                                      RuntimeService runtime, ManagementService management, byte[] png) throws Exception {
        DraftCreated[] drafts = new DraftCreated[count];
        double seconds = onThreads(count, threads, i -> drafts[i] = createDraft());
        long cpuBeforeUploads = WORKER_CPU.sum();
        onThreads(count, threads, i -> uploadDocuments(registrations, drafts[i], png));
        WORKER_CPU.add(cpuBeforeUploads - WORKER_CPU.sum()); // untimed, so uncounted too
        STEPS.remove("2 upload 3 documents");
        // the uploads' previews render in the background: let them finish, or they would take the timed phase's CPU
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50)).until(() ->
                jdbc.sql("select count(*) from document where preview_state = 'PENDING'").query(Long.class).single() == 0);
        seconds += onThreads(count, threads, i -> submitToApproval(registrations, reviews, runtime, management, drafts[i]));
        // the status page is no step of the lifecycle (the bare engine reads nothing back): checked after the timing
        for (DraftCreated draft : drafts) {
            requireApproved(registrations, draft);
        }
        double rate = count / seconds;
        System.out.printf("%-12s %3d thread(s): %4d lifecycles without uploads in %6.2f s = %7.1f per second (%.1f ms each)%n",
                "application", threads, count, seconds, rate, seconds * 1000 * threads / count);
        return rate;
    }

    /**
     * CPU time of the threads running lifecycles, summed (ns): steadier than wall time on a shared machine,
     * though it leaves out GC, JIT and, on PostgreSQL, the server's processes.
     */
    static final java.util.concurrent.atomic.LongAdder WORKER_CPU = new java.util.concurrent.atomic.LongAdder();

    /** Seconds {@code threads} threads take to run {@code work} for every index below {@code count}. */
    private static double onThreads(int count, int threads, java.util.function.IntConsumer work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                long cpuStart = cpu.getCurrentThreadCpuTime();
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    work.accept(i);
                }
                WORKER_CPU.add(cpu.getCurrentThreadCpuTime() - cpuStart);
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return (System.nanoTime() - start) / 1e9;
    }

    private static final AtomicInteger BARE_KEYS = new AtomicInteger();

    static void bareLifecycle(ProcessEngine engine) {
        String key = "BARE" + BARE_KEYS.incrementAndGet();
        String instance = engine.getRuntimeService().startProcessInstanceByKey(RegistrationProcess.KEY, key).getId();
        ManagementService management = engine.getManagementService();
        management.executeJob(management.createJobQuery().processInstanceId(instance).singleResult().getId());
        Task review = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
        engine.getTaskService().claim(review.getId(), "reviewer");
        engine.getTaskService().complete(review.getId(), Variables.createVariables()
                .putValue(RegistrationProcess.Var.DECISION, RegistrationProcess.Decision.APPROVE.name()));
    }

    static ProcessEngine bareEngine(String url, String user) {
        return bareEngine("bare", url, user, "registrationSteps", new NoOpSteps(), "processes/registration/registration.bpmn");
    }

    /** A bare engine (full history, no job executor) on the database, with one bean of no-op delegates and one model. */
    public static ProcessEngine bareEngine(String name, String url, String user, String stepsBean, Object steps, String model) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl(url);
        configuration.setJdbcUsername(user);
        configuration.setJdbcPassword("");
        configuration.setJdbcDriver(url.startsWith("jdbc:h2") ? "org.h2.Driver" : "org.postgresql.Driver");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        configuration.setJdbcMaxActiveConnections(10);
        ((ProcessEngineConfigurationImpl) configuration).setBeans(Map.of(stepsBean, steps));
        ProcessEngine engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addClasspathResource(model).deploy();
        return engine;
    }

    /** The delegates of the model, doing nothing but what the model needs to go on (its due dates). */
    public static final class NoOpSteps {
        public void checkCreditCode(DelegateExecution e) { }
        public void checkExistingRegistrations(DelegateExecution e) { }
        public void checkIdentities(DelegateExecution e) { }
        public void checkDocuments(DelegateExecution e) { }
        public void recordStop(DelegateExecution e) { }
        public void startReview(DelegateExecution e) {
            e.setVariable(RegistrationProcess.Var.REVIEW_DUE, new Date(System.currentTimeMillis() + Duration.ofDays(7).toMillis()));
        }
        public void escalateReview(DelegateExecution e) { }
        public void openAccount(DelegateExecution e) { }
        public void recordRejection(DelegateExecution e) { }
        public void requestSupplement(DelegateExecution e) {
            e.setVariable(RegistrationProcess.Var.SUPPLEMENT_DUE, new Date(System.currentTimeMillis() + Duration.ofDays(14).toMillis()));
        }
        public void withdraw(DelegateExecution e) { }
    }

    /** Lifecycles per second of {@code count} runs on {@code threads} threads. */
    public static double measure(String what, int count, int threads, Runnable lifecycle) throws Exception {
        double seconds = onThreads(count, threads, i -> lifecycle.run());
        double rate = count / seconds;
        System.out.printf("%-12s %3d thread(s): %4d lifecycles in %6.2f s = %7.1f per second (%.1f ms each)%n",
                what, threads, count, seconds, rate, seconds * 1000 * threads / count);
        return rate;
    }
}
