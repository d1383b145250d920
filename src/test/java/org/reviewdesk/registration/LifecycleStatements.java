package org.reviewdesk.registration;

import org.reviewdesk.BenchmarkApplication;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.review.ReviewDecision;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The SQL statements of one registration lifecycle, per phase, against the bare engine's, counted by
 * H2's {@code QUERY_STATISTICS} (deterministic, unlike the timings of {@link LifecycleBenchmark}, whose
 * lifecycle methods it runs). Prints, asserts nothing. Run like the benchmark:
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.reviewdesk.registration.LifecycleStatements</pre>
 */
public final class LifecycleStatements {

    private static final int COUNT = 20;

    private LifecycleStatements() {
    }

    public static void main(String[] args) throws Exception {
        String bareUrl = "jdbc:h2:mem:statements-bare;DB_CLOSE_DELAY=-1";
        ProcessEngine bare = LifecycleBenchmark.bareEngine(bareUrl, "sa");
        JdbcClient bareSql = JdbcClient.create(new DriverManagerDataSource(bareUrl, "sa", ""));
        for (int i = 0; i < 10; i++) {
            LifecycleBenchmark.bareLifecycle(bare);
        }
        startCounting(bareSql);
        Map<String, Long> before = counts(bareSql);
        for (int i = 0; i < COUNT; i++) {
            LifecycleBenchmark.bareLifecycle(bare);
        }
        print("bare engine, whole lifecycle", before, counts(bareSql));
        bare.close();

        ConfigurableApplicationContext app = BenchmarkApplication.h2("statements-app")
                .dataDir(Files.createTempDirectory("lifecycle-statements")).start();
        try {
            LifecycleBenchmark.useApplication(app);
            RegistrationService registrations = app.getBean(RegistrationService.class);
            RegistrationReview reviews = app.getBean(RegistrationReview.class);
            RuntimeService runtime = app.getBean(RuntimeService.class);
            ManagementService management = app.getBean(ManagementService.class);
            JdbcClient sql = app.getBean(JdbcClient.class);
            byte[] png = TestDocuments.png();
            for (int i = 0; i < 10; i++) {
                LifecycleBenchmark.appLifecycle(registrations, reviews, runtime, management, png);
            }
            startCounting(sql);
            DraftCreated[] drafts = new DraftCreated[COUNT];
            Map<String, Long> start = counts(sql);
            for (int i = 0; i < COUNT; i++) {
                drafts[i] = LifecycleBenchmark.createDraft();
            }
            Map<String, Long> drafted = counts(sql);
            print("create draft, with the mobile proof", start, drafted);
            for (DraftCreated draft : drafts) {
                LifecycleBenchmark.uploadDocuments(registrations, draft, png);
            }
            Map<String, Long> uploaded = counts(sql);
            for (DraftCreated draft : drafts) {
                registrations.submit(draft.access(), true);
            }
            Map<String, Long> submitted = counts(sql);
            print("submit", uploaded, submitted);
            for (DraftCreated draft : drafts) {
                String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(draft.applicationNumber())
                        .singleResult().getId();
                management.executeJob(management.createJobQuery().processInstanceId(instance).singleResult().getId());
            }
            Map<String, Long> checked = counts(sql);
            print("automated checks, with the instance and job queries", submitted, checked);
            CurrentUser reviewer = new CurrentUser("reviewer", Set.of(Role.REVIEWER));
            for (DraftCreated draft : drafts) {
                reviews.decide(draft.applicationNumber(), new ReviewDecision.Approve(null), reviewer);
            }
            print("approve", checked, counts(sql));
        } finally {
            app.close();
        }
    }

    private static void startCounting(JdbcClient sql) {
        sql.sql("SET QUERY_STATISTICS_MAX_ENTRIES 2000").update();
        sql.sql("SET QUERY_STATISTICS TRUE").update();
    }

    private static Map<String, Long> counts(JdbcClient sql) {
        Map<String, Long> counts = new LinkedHashMap<>();
        sql.sql("select sql_statement, execution_count from information_schema.query_statistics")
                .query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    private static void print(String phase, Map<String, Long> before, Map<String, Long> after) {
        List<Map.Entry<String, Long>> rows = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, Long> e : after.entrySet()) {
            long n = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (n > 0 && !e.getKey().toLowerCase(Locale.ROOT).contains("query_statistics")) {
                rows.add(Map.entry(e.getKey().replaceAll("\\s+", " "), n));
                total += n;
            }
        }
        rows.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        System.out.printf(Locale.ROOT, "=== %s: %.1f statements per lifecycle%n", phase, total / (double) COUNT);
        for (Map.Entry<String, Long> row : rows) {
            String text = row.getKey();
            System.out.printf(Locale.ROOT, "%6.2f  %s%n", row.getValue() / (double) COUNT, text.substring(0, Math.min(160, text.length())));
        }
    }
}
