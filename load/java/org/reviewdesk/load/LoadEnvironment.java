package org.reviewdesk.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reviewdesk.ReviewDeskApplication;
import org.reviewdesk.reliability.ClusterNodes;
import org.reviewdesk.staff.StaffDirectory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One load run, start to end, on the reliability suite's {@link ClusterNodes}: an embedded
 * PostgreSQL (zonky), the S3 server in a child JVM, the SMS gateway stub and {@code load.nodes} JVMs
 * of the production jar (one after the other: the first creates the schema), the
 * {@link ReviewerDesk} with the reviewers' accounts, then {@code mvn -o -Pload gatling:test} against
 * them while {@link ResourceSampler} records heap and RSS; then everything is stopped, and the
 * figures and the database's counts are printed. Everything listens on 127.0.0.1 only. Parameters
 * (system properties): load.nodes (1), load.duration in seconds (180), load.jar, load.nodeHeap
 * (768m), load.nodeJvmOptions (more options of the nodes' JVMs, space-separated). Run it with load/run.sh.
 */
public final class LoadEnvironment {

    static final String REVIEWER_PASSWORD = "LoadReviewer2026";
    static final int REVIEWERS = Integer.getInteger("load.reviewers", 10);
    // fixed for the run: both nodes verify each other's access codes
    private static final String ACCESS_CODE_SECRET = "bG9hZC10ZXN0LWFjY2Vzcy1jb2RlLXNlY3JldC0wMTIzNDU2Nzg5";
    /** A connection held longer than this is logged with the stack that took it (Hikari's leak detection). */
    static final String LEAK_DETECTION_MS = "10000";

    private LoadEnvironment() {
    }

    /** The n-th reviewer's account (1-based; wraps around the accounts created). */
    static String reviewerName(int n) {
        return String.format("load-reviewer-%02d", (n - 1) % REVIEWERS + 1);
    }

    public static void main(String[] args) throws Exception {
        int nodeCount = Integer.getInteger("load.nodes", 1);
        long seconds = Long.getLong("load.duration", 180);
        Path jar = Path.of(System.getProperty("load.jar", "target/review-desk-0.1.0-SNAPSHOT.jar"));
        Path work = Files.createDirectories(Path.of("target", "load", nodeCount + "-node-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))).toAbsolutePath();
        int exit;
        // closed last: the nodes, the S3 server and the gateway, then PostgreSQL
        try (ClusterNodes cluster = ClusterNodes.start(work)) {
            settings(cluster, jar);
            ConfigurableApplicationContext desk = null;
            try {
                List<String> urls = new ArrayList<>();
                List<ResourceSampler.Node> nodes = new ArrayList<>();
                List<ClusterNodes.Node> started = new ArrayList<>();
                for (int i = 1; i <= nodeCount; i++) {
                    ClusterNodes.Node node = cluster.node("node" + i).start().awaitReady();
                    started.add(node);
                    urls.add(node.baseUrl().toString());
                    nodes.add(new ResourceSampler.Node(node.name(), node.pid()));
                    log(node.name() + " up at " + node.baseUrl() + " (pid " + node.pid() + ") after "
                            + node.startTime().toSeconds() + " s; log " + node.log());
                }
                Files.createDirectories(work.resolve("desk-data"));
                desk = startDesk(cluster.environment("desk", 0));
                ReviewerDesk.createReviewers(desk.getBean(StaffDirectory.class), REVIEWERS, REVIEWER_PASSWORD);
                String deskUrl = "http://127.0.0.1:" + ((WebServerApplicationContext) desk).getWebServer().getPort();
                log("reviewer desk at " + deskUrl + "; " + REVIEWERS + " reviewers created");

                Instant start = Instant.now();
                try (ResourceSampler sampler = ResourceSampler.start(nodes, work.resolve("resources.csv"), Duration.ofSeconds(5))) {
                    exit = runGatling(urls, deskUrl, cluster.sms().codesUrl(), seconds);
                    log("gatling finished with exit code " + exit + " after " + Duration.between(start, Instant.now()).toSeconds() + " s");
                    sampler.summary().forEach(LoadEnvironment::log);
                }
                GatlingStats.summary(Path.of("target", "load", "gatling")).forEach(LoadEnvironment::log);
                log("SMS received by the gateway stub: " + cluster.sms().received().size());
                counts(cluster.jdbc()).forEach((what, count) -> log(what + ": " + count));
                // SIGTERM, not the cluster's kill -9: a node's flight recording (load.nodeJvmOptions) is written at exit
                started.forEach(ClusterNodes.Node::stop);
                log("work directory: " + work);
            } finally {
                // before PostgreSQL closes, else the desk waits for its pool at shutdown
                if (desk != null) {
                    desk.close();
                }
            }
        }
        System.exit(exit);
    }

    /**
     * The load run's own settings on top of the cluster's (PostgreSQL, the S3 server, the stub
     * gateway, the per-address limits raised since every applicant comes from 127.0.0.1): the
     * production JVM options, loopback only, one access-code secret, and Hikari's leak detection.
     */
    private static void settings(ClusterNodes cluster, Path jar) {
        List<String> options = new ArrayList<>(List.of("-Xmx" + System.getProperty("load.nodeHeap", "768m")));
        // e.g. a flight recording of each node: a relative file name lands in the node's own data directory
        options.addAll(List.of(System.getProperty("load.nodeJvmOptions", "").trim().split("\\s+")));
        options.removeIf(String::isEmpty);
        cluster.jar(jar).jvmOptions(options)
                .setting("SERVER_ADDRESS", "127.0.0.1")
                .setting("REVIEWDESK_ACCESS_CODE_SECRET", ACCESS_CODE_SECRET)
                .setting("SPRING_DATASOURCE_HIKARI_LEAKDETECTIONTHRESHOLD", LEAK_DETECTION_MS);
    }

    private static ConfigurableApplicationContext startDesk(Map<String, String> environment) {
        // system properties: above application.yml, which sets the port and switches the job executor on
        environment.forEach(System::setProperty);
        System.setProperty("server.address", "127.0.0.1");
        // it only decides: the nodes run the jobs and send the messages
        System.setProperty("camunda.bpm.job-execution.enabled", "false");
        System.setProperty("REVIEWDESK_NOTIFICATIONS_DISPATCH_ENABLED", "false");
        return new SpringApplicationBuilder(ReviewDeskApplication.class, ReviewerDesk.class).run();
    }

    private static int runGatling(List<String> urls, String deskUrl, String smsUrl, long seconds)
            throws IOException, InterruptedException {
        List<String> command = List.of("mvn", "-o", "-q", "-Pload", "gatling:test",
                "-Dload.baseUrls=" + String.join(",", urls), "-Dload.deskUrl=" + deskUrl, "-Dload.smsUrl=" + smsUrl,
                "-Dload.duration=" + seconds, "-Dload.reviewers=" + REVIEWERS);
        log(String.join(" ", command));
        Process gatling = new ProcessBuilder(command).inheritIO().start();
        try {
            return gatling.waitFor();
        } finally {
            stop(gatling);
        }
    }

    /**
     * What the run left in the database: the load's applications by state, the review tasks (the engine's
     * and the inbox projection's, unclaimed), the engine's jobs waiting and failed, and the outbox.
     */
    static Map<String, Object> counts(JdbcClient jdbc) {
        Map<String, Object> counts = new LinkedHashMap<>();
        jdbc.sql("select state, count(*) from registration_application group by state order by state")
                .query((r, i) -> counts.put("applications " + r.getString(1), r.getLong(2))).list();
        counts.put("review tasks open (engine)", single(jdbc, "select count(*) from act_ru_task"));
        counts.put("review tasks open (inbox projection)", single(jdbc, "select count(*) from review_task"));
        counts.put("review tasks unclaimed", single(jdbc, "select count(*) from review_task where assignee is null"));
        // async continuations (the checks after a submit) due now, by whether a node holds them; timers apart
        counts.put("jobs waiting, not locked", single(jdbc, """
                select count(*) from act_ru_job where retries_ > 0 and type_ <> 'timer' and lock_owner_ is null
                and (duedate_ is null or duedate_ <= current_timestamp)"""));
        counts.put("jobs waiting, locked by a node", single(jdbc,
                "select count(*) from act_ru_job where retries_ > 0 and type_ <> 'timer' and lock_owner_ is not null"));
        counts.put("jobs failed (no retries left)", single(jdbc, "select count(*) from act_ru_job where retries_ = 0"));
        counts.put("timers waiting", single(jdbc, "select count(*) from act_ru_job where type_ = 'timer'"));
        jdbc.sql("select state, count(*) from outbox_message group by state order by state")
                .query((r, i) -> counts.put("outbox " + r.getString(1), r.getLong(2))).list();
        return counts;
    }

    private static long single(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static void stop(Process process) throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    static void log(String line) {
        System.out.println("[load] " + line);
    }
}
