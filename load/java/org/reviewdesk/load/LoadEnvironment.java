package org.reviewdesk.load;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.reviewdesk.ReviewDeskApplication;
import org.reviewdesk.staff.StaffDirectory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One load run, start to end: an embedded PostgreSQL (zonky), an S3 server (s3proxy) in a child
 * process, the SMS gateway stub, {@code load.nodes} JVMs of the production jar (one after the
 * other: the first creates the schema), the {@link ReviewerDesk} with the reviewers' accounts,
 * then {@code mvn -o -Pload gatling:test} against them while {@link ResourceSampler} records heap
 * and RSS; then everything is stopped by its process, and the figures and the database's counts
 * are printed. Everything listens on 127.0.0.1 only. Parameters (system properties): load.nodes (1),
 * load.duration in seconds (180), load.jar, load.nodeHeap (768m). Run it with load/run.sh.
 */
public final class LoadEnvironment {

    static final String REVIEWER_PASSWORD = "LoadReviewer2026";
    static final int REVIEWERS = Integer.getInteger("load.reviewers", 10);
    private static final String S3_ACCESS = "loadaccess";
    private static final String S3_SECRET = "loadsecret-0123456789";
    // fixed for the run: both nodes verify each other's access codes
    private static final String ACCESS_CODE_SECRET = "bG9hZC10ZXN0LWFjY2Vzcy1jb2RlLXNlY3JldC0wMTIzNDU2Nzg5";

    private LoadEnvironment() {
    }

    /** The n-th reviewer's account (1-based; wraps around the accounts created). */
    static String reviewerName(int n) {
        return String.format("load-reviewer-%02d", (n - 1) % REVIEWERS + 1);
    }

    public static void main(String[] args) throws Exception {
        int nodeCount = Integer.getInteger("load.nodes", 1);
        long seconds = Long.getLong("load.duration", 180);
        Path jar = Path.of(System.getProperty("load.jar", "target/review-desk-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
        Path work = Files.createDirectories(Path.of("target", "load", nodeCount + "-node-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))).toAbsolutePath();
        List<Process> children = new java.util.concurrent.CopyOnWriteArrayList<>();
        // an interrupted run (Ctrl-C) stops its children too
        Runtime.getRuntime().addShutdownHook(new Thread(() -> children.forEach(Process::destroy)));
        int exit;
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             SmsGatewayStub sms = SmsGatewayStub.start()) {
            ConfigurableApplicationContext desk = null;
            // stopped before PostgreSQL closes, else the nodes wait for their pool at shutdown
            try {
                String dbUrl = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
                int s3Port = freePort();
                children.add(startS3(work, s3Port));
                awaitPort(s3Port, Duration.ofMinutes(1));

                Map<String, String> settings = settings(dbUrl, "http://127.0.0.1:" + s3Port, sms.url() + "/sms");
                List<String> urls = new ArrayList<>();
                List<ResourceSampler.Node> nodes = new ArrayList<>();
                for (int i = 1; i <= nodeCount; i++) {
                    int port = freePort();
                    Process node = startNode(jar, settings, port, work.resolve("node" + i));
                    children.add(node);
                    String url = "http://127.0.0.1:" + port;
                    awaitHealthy(url, node, Duration.ofMinutes(5));
                    urls.add(url);
                    nodes.add(new ResourceSampler.Node("node" + i, node.pid()));
                    log("node" + i + " up at " + url + " (pid " + node.pid() + ")");
                }
                desk = startDesk(settings, work.resolve("desk"));
                ReviewerDesk.createReviewers(desk.getBean(StaffDirectory.class), REVIEWERS, REVIEWER_PASSWORD);
                String deskUrl = "http://127.0.0.1:" + ((WebServerApplicationContext) desk).getWebServer().getPort();
                log("reviewer desk at " + deskUrl + "; " + REVIEWERS + " reviewers created");

                Instant start = Instant.now();
                try (ResourceSampler sampler = ResourceSampler.start(nodes, work.resolve("resources.csv"), Duration.ofSeconds(5))) {
                    exit = runGatling(urls, deskUrl, sms.url(), seconds);
                    log("gatling finished with exit code " + exit + " after " + Duration.between(start, Instant.now()).toSeconds() + " s");
                    sampler.summary().forEach(LoadEnvironment::log);
                }
                GatlingStats.summary(Path.of("target", "load", "gatling")).forEach(LoadEnvironment::log);
                log("SMS received by the gateway stub: " + sms.received());
                counts(postgres).forEach((what, count) -> log(what + ": " + count));
                log("work directory: " + work);
            } finally {
                if (desk != null) {
                    desk.close();
                }
                for (int i = children.size() - 1; i >= 0; i--) {
                    stop(children.get(i));
                }
            }
        }
        System.exit(exit);
    }

    /**
     * The nodes' settings: the embedded ones replaced by PostgreSQL, the S3 child and the stub
     * gateway; and the per-address limits raised, since every applicant of the load comes from
     * 127.0.0.1 (the defaults are unchanged: only this run sets them).
     */
    private static Map<String, String> settings(String dbUrl, String s3Url, String smsUrl) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("REVIEWDESK_DB_URL", dbUrl);
        env.put("REVIEWDESK_DB_USER", "postgres");
        env.put("REVIEWDESK_DB_PASSWORD", "postgres");
        env.put("REVIEWDESK_S3_ENDPOINT", s3Url);
        env.put("REVIEWDESK_S3_ACCESS_KEY", S3_ACCESS);
        env.put("REVIEWDESK_S3_SECRET_KEY", S3_SECRET);
        env.put("REVIEWDESK_SMS_SENDER", "http");
        env.put("REVIEWDESK_SMS_HTTP_URL", smsUrl);
        env.put("REVIEWDESK_ACCESS_CODE_SECRET", ACCESS_CODE_SECRET);
        env.put("REVIEWDESK_MOBILE_CODES_PER_ADDRESS", "1000000");
        env.put("REVIEWDESK_DRAFTS_PER_ADDRESS", "1000000");
        env.put("REVIEWDESK_USCC_CHECKS_PER_ADDRESS", "1000000");
        env.put("REVIEWDESK_CONCURRENT_UPLOADS_PER_ADDRESS", "200");
        return env;
    }

    private static Process startS3(Path work, int port) throws IOException {
        Path properties = work.resolve("s3proxy.properties");
        Files.createDirectories(work.resolve("s3"));
        Files.writeString(properties, String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + S3_ACCESS,
                "s3proxy.credential=" + S3_SECRET,
                "jclouds.provider=filesystem",
                "jclouds.identity=" + S3_ACCESS,
                "jclouds.credential=" + S3_SECRET,
                "jclouds.filesystem.basedir=" + work.resolve("s3")) + "\n");
        return new ProcessBuilder(java(), "-Xmx256m", "-cp", System.getProperty("java.class.path"), "org.gaul.s3proxy.Main",
                "--properties", properties.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("s3proxy.log").toFile()).start();
    }

    private static Process startNode(Path jar, Map<String, String> settings, int port, Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        ProcessBuilder builder = new ProcessBuilder(java(), "-Xmx" + System.getProperty("load.nodeHeap", "768m"),
                "-jar", jar.toString(), "--server.address=127.0.0.1")
                .directory(dataDir.toFile())
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("node.log").toFile());
        builder.environment().putAll(settings);
        builder.environment().put("REVIEWDESK_PORT", String.valueOf(port));
        builder.environment().put("REVIEWDESK_DATA_DIR", dataDir.toString());
        return builder.start();
    }

    private static ConfigurableApplicationContext startDesk(Map<String, String> settings, Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        // system properties: above application.yml, which sets the port and switches the job executor on
        settings.forEach(System::setProperty);
        System.setProperty("REVIEWDESK_PORT", "0");
        System.setProperty("REVIEWDESK_DATA_DIR", dataDir.toString());
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

    /** What the run left in the database: the load's applications by state, and the outbox. */
    private static Map<String, Object> counts(EmbeddedPostgres postgres) throws Exception {
        Map<String, Object> counts = new LinkedHashMap<>();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("select state, count(*) from registration_application group by state order by state")) {
                while (r.next()) {
                    counts.put("applications " + r.getString(1), r.getLong(2));
                }
            }
            try (ResultSet r = s.executeQuery("select state, count(*) from outbox_message group by state order by state")) {
                while (r.next()) {
                    counts.put("outbox " + r.getString(1), r.getLong(2));
                }
            }
        }
        return counts;
    }

    private static void awaitHealthy(String url, Process node, Duration limit) {
        HttpClient client = HttpClient.newHttpClient();
        Awaitility.await("node " + url + " healthy (see its node.log)").atMost(limit).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    if (!node.isAlive()) {
                        throw new IllegalStateException("node " + url + " died at start; see its node.log");
                    }
                    HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    return health.statusCode() == 200 && health.body().contains("UP");
                });
    }

    private static void awaitPort(int port, Duration limit) {
        Awaitility.await("something listening on " + port).atMost(limit).pollInterval(Duration.ofMillis(300))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    try (var socket = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
                        return true;
                    }
                });
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void log(String line) {
        System.out.println("[load] " + line);
    }
}
