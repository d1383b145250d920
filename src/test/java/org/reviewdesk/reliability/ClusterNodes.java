package org.reviewdesk.reliability;

import com.zaxxer.hikari.HikariDataSource;
import io.minio.MinioClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.reviewdesk.platform.Role;
import org.reviewdesk.staff.StaffDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A cluster of Review Desk nodes for tests that start, kill and restart nodes, made of real parts only:
 * <ul>
 *   <li>one PostgreSQL 17 (zonky's embedded binaries, a child process), empty at the start;</li>
 *   <li>one S3 server in a child JVM ({@link S3ServerMain}: the application's s3proxy set-up), files under
 *       {@code target/reliability/<run>/objects};</li>
 *   <li>a stub SMS gateway in this JVM ({@link SmsGateway}) that every node sends to;</li>
 *   <li>nodes: the production jar ({@code target/*.jar}, built by {@code mvn package}) as separate JVMs, each
 *       on a free port with its own data directory and log file, configured through environment variables
 *       as an operator would ({@code docs/deployment.md}).</li>
 * </ul>
 * Use: {@code try (var cluster = ClusterNodes.start()) { var a = cluster.node("a").start(); a.awaitReady(); ... }};
 * in a test class, {@code cluster = ClusterNodes.start()} in a {@code @BeforeAll} (or, where the test's own
 * Spring context is one more node, {@code ClusterNodes.start().inThisJvm("b", registry)} in its
 * {@code @DynamicPropertySource}) and {@link #stop(ClusterNodes)} in its {@code @AfterAll}.
 * {@link Node#kill()} is a kill -9, {@link Node#stop()} a SIGTERM; {@link #setting} adds or overrides an
 * environment variable for nodes started afterwards. {@link #close()} stops everything it started.
 */
public final class ClusterNodes implements AutoCloseable {

    public static final String ADMIN = "chief";
    public static final String ADMIN_PASSWORD = "Chief-Admin-2026";
    public static final String S3_ACCESS_KEY = "reliability-access";
    public static final String S3_SECRET_KEY = "reliability-secret-key";
    public static final String BUCKET = "review-desk";
    /** The demo password that {@code StaffBrowser} signs in with; {@link #createBrowserUser} gives it. */
    public static final String BROWSER_PASSWORD = "ReviewDesk2026";
    /** How long a node may take to become ready on a busy 2-core machine. */
    public static final Duration START_TIMEOUT = Duration.ofMinutes(6);

    private final Path directory;
    private final EmbeddedPostgres postgres;
    private final HikariDataSource dataSource;
    private final Process s3;
    private final int s3Port;
    private final SmsGateway sms;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final List<Node> nodes = new ArrayList<>();
    /** The tests' nodes: small, quick to start; the load run gives its nodes the production options instead. */
    private List<String> jvmOptions = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    private Path jar;

    private ClusterNodes(Path directory, EmbeddedPostgres postgres, Process s3, int s3Port, SmsGateway sms) {
        this.directory = directory;
        this.postgres = postgres;
        this.s3 = s3;
        this.s3Port = s3Port;
        this.sms = sms;
        this.dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(jdbcUrl("test"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(4);
    }

    /** Starts PostgreSQL, the S3 server and the SMS gateway under {@code target/reliability/run-*}; no node yet. */
    public static ClusterNodes start() {
        return start(Path.of("target", "reliability", "run-" + UUID.randomUUID().toString().substring(0, 8)));
    }

    /** {@link #start()} with the logs, the objects and the nodes' data directories under {@code directory}. */
    public static ClusterNodes start(Path runDirectory) {
        Path directory = runDirectory.toAbsolutePath();
        EmbeddedPostgres postgres = null;
        Process s3 = null;
        try {
            Files.createDirectories(directory);
            postgres = EmbeddedPostgres.builder().start();
            s3 = new ProcessBuilder(java(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    S3ServerMain.class.getName(), directory.resolve("objects").toString(), S3_ACCESS_KEY, S3_SECRET_KEY,
                    directory.resolve("s3.port").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("s3.log").toFile())
                    .start();
            int port = s3Port(s3, directory.resolve("s3.port"));
            ClusterNodes cluster = new ClusterNodes(directory, postgres, s3, port, new SmsGateway());
            // a test JVM that ends without close() (a failed context, a killed fork) must not leave JVMs behind
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                cluster.nodes.forEach(Node::kill);
                cluster.s3.destroyForcibly();
            }, "cluster-nodes-cleanup"));
            return cluster;
        } catch (IOException | RuntimeException e) {
            if (s3 != null) {
                s3.destroyForcibly();
            }
            closeQuietly(postgres);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private static int s3Port(Process s3, Path portFile) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!Files.exists(portFile)) {
            if (!s3.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("The S3 server did not start; see " + portFile.resolveSibling("s3.log"));
            }
            try {
                s3.waitFor(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return Integer.parseInt(Files.readString(portFile).trim());
    }

    /** A connection string to the cluster's database; {@code applicationName} shows in {@code pg_stat_activity}. */
    public String jdbcUrl(String applicationName) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres?ApplicationName=" + applicationName;
    }

    /** The test's own connections to the cluster's database. */
    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    public URI s3Endpoint() {
        return URI.create("http://127.0.0.1:" + s3Port);
    }

    /** Where the S3 server keeps the bucket's objects as files (jclouds filesystem: {@code <dir>/<bucket>/<key>}). */
    public Path objects() {
        return directory.resolve("objects");
    }

    public SmsGateway sms() {
        return sms;
    }

    /** Sets an environment variable for the nodes started after this call (e.g. a shorter interval). */
    public ClusterNodes setting(String name, String value) {
        settings.put(name, value);
        return this;
    }

    /** The orphan sweep every 3 s, an object without a record deleted after {@code grace} (24 h in production). */
    public ClusterNodes sweepOrphansAfter(Duration grace) {
        return setting("REVIEWDESK_DOCUMENTS_SWEEP_INTERVAL", "PT3S")
                .setting("REVIEWDESK_DOCUMENTS_ORPHAN_GRACE", grace.toString());
    }

    /**
     * The job executor's lock time and max wait (60 s and 10 s in production): a job locked by a node that
     * died runs on another node within about their sum.
     */
    public ClusterNodes jobLock(Duration lockTime, Duration maxWait) {
        return setting("REVIEWDESK_JOB_LOCK_TIME_MS", String.valueOf(lockTime.toMillis()))
                .setting("REVIEWDESK_JOB_MAX_WAIT_MS", String.valueOf(maxWait.toMillis()));
    }

    /**
     * Makes the test's own Spring context node {@code name} of this cluster: the nodes' environment as its
     * properties (application.yml reads each as a placeholder). Call from a {@code @DynamicPropertySource},
     * after the settings.
     */
    public ClusterNodes inThisJvm(String name, DynamicPropertyRegistry registry) {
        environment(name, 0).forEach((key, value) -> registry.add(key, () -> value));
        return this;
    }

    /** The JVM options of the nodes started after this call (instead of the tests' small heap and quick start). */
    public ClusterNodes jvmOptions(List<String> options) {
        jvmOptions = List.copyOf(options);
        return this;
    }

    /** The application jar of the nodes started after this call (else the first {@code target/*.jar}). */
    public ClusterNodes jar(Path applicationJar) {
        jar = applicationJar.toAbsolutePath();
        return this;
    }

    /** A new node, not started; its name shows in its log file, the database and the job locks. */
    public Node node(String name) {
        Node node = new Node(name);
        nodes.add(node);
        return node;
    }

    /**
     * The environment of a node named {@code name} on {@code port}: the production settings, pointed at this
     * cluster. A Spring context in the test's own JVM may take them as properties (application.yml reads each
     * as a placeholder), to act as one more node through direct service calls.
     */
    public Map<String, String> environment(String name, int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("REVIEWDESK_PORT", String.valueOf(port));
        env.put("REVIEWDESK_DATA_DIR", directory.resolve(name + "-data").toString());
        env.put("REVIEWDESK_DB_URL", jdbcUrl(name));
        env.put("REVIEWDESK_DB_USER", "postgres");
        env.put("REVIEWDESK_DB_PASSWORD", "");
        env.put("REVIEWDESK_S3_ENDPOINT", s3Endpoint().toString());
        env.put("REVIEWDESK_S3_ACCESS_KEY", S3_ACCESS_KEY);
        env.put("REVIEWDESK_S3_SECRET_KEY", S3_SECRET_KEY);
        env.put("REVIEWDESK_S3_BUCKET", BUCKET);
        env.put("REVIEWDESK_ADMIN_USERNAME", ADMIN);
        env.put("REVIEWDESK_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("REVIEWDESK_SMS_SENDER", "http");
        env.put("REVIEWDESK_SMS_HTTP_URL", sms.url());
        env.put("REVIEWDESK_NOTIFICATIONS_DISPATCH_INTERVAL", "1s");
        // every applicant of a test comes from 127.0.0.1: the per-address limits would refuse the load
        for (String limit : List.of("REVIEWDESK_DRAFTS_PER_ADDRESS", "REVIEWDESK_MOBILE_CODES_PER_ADDRESS",
                "REVIEWDESK_USCC_CHECKS_PER_ADDRESS", "REVIEWDESK_ACCESS_MAX_FAILURES_PER_ADDRESS",
                "REVIEWDESK_CONCURRENT_UPLOADS_PER_ADDRESS")) {
            env.put(limit, "100000");
        }
        env.putAll(settings);
        return env;
    }

    /** An S3 client of the cluster's bucket, as the nodes reach it. */
    public MinioClient s3Client() {
        return MinioClient.builder().endpoint(s3Endpoint().toString()).credentials(S3_ACCESS_KEY, S3_SECRET_KEY).build();
    }

    /**
     * The test's own transaction holding {@code lock table <table> in share row exclusive mode}: a node's
     * transaction that writes the table waits there, caught in the middle (see {@link #awaitNodeWaitingOnLock}).
     * Roll back (or close) the connection to release it.
     */
    public Connection lockTable(String table) throws SQLException {
        Connection blocker = dataSource.getConnection();
        try (Statement statement = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            statement.execute("lock table " + table + " in share row exclusive mode");
            return blocker;
        } catch (SQLException | RuntimeException e) {
            blocker.close();
            throw e;
        }
    }

    /** Waits until exactly one connection of the nodes named waits on a lock; the name of its node. */
    public String awaitNodeWaitingOnLock(String... nodeNames) {
        return Awaitility.await("a connection of " + List.of(nodeNames) + " waiting on a lock").atMost(Duration.ofMinutes(2))
                .until(() -> jdbc().sql("select application_name from pg_stat_activity where wait_event_type = 'Lock' "
                                + "and application_name in (:names)").param("names", List.of(nodeNames)).query(String.class).list(),
                        waiting -> waiting.size() == 1)
                .get(0);
    }

    /**
     * Creates a staff user with {@link #BROWSER_PASSWORD} through the directory of the test's own node, as the
     * cluster's first administrator, for a headless browser to sign in as on any node.
     */
    public static void createBrowserUser(StaffDirectory staff, String username, String displayName, Role role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                ADMIN, null, List.of(new SimpleGrantedAuthority("ROLE_" + Role.ADMIN.name()))));
        try {
            staff.create(username, displayName, BROWSER_PASSWORD, Set.of(role));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** For an {@code @AfterAll}: closes the cluster unless its set-up failed before it existed. */
    public static void stop(ClusterNodes cluster) {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Stops every node (kill -9: the tests are done with them), the S3 server, PostgreSQL and the gateway. */
    @Override
    public void close() {
        nodes.forEach(Node::kill);
        s3.destroyForcibly();
        sms.close();
        dataSource.close();
        closeQuietly(postgres);
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the test is over; a PostgreSQL that does not stop cleanly leaves only its temp directory
            }
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Path jar() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No target/*.jar: run mvn package first"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One application node: the production jar in its own JVM. */
    public final class Node {

        private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        private final String name;
        private final int port = freePort();
        private Process process;
        private long startedAt;
        private Duration startTime;

        private Node(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        public URI baseUrl() {
            return URI.create("http://127.0.0.1:" + port);
        }

        /** Starts the JVM (returns at once; see {@link #awaitReady()}); output goes to {@link #log()}, appended. */
        public Node start() {
            if (alive()) {
                throw new IllegalStateException(name + " is running");
            }
            List<String> command = new ArrayList<>();
            command.add(java());
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", (jar != null ? jar : jar()).toAbsolutePath().toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
            builder.environment().putAll(environment(name, port));
            try {
                // its own working directory: a development jar's Vaadin writes frontend files into it
                Path workingDirectory = Files.createDirectories(directory.resolve(name + "-data"));
                builder.directory(workingDirectory.toFile());
                startedAt = System.nanoTime();
                startTime = null;
                process = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        /** Waits until {@code /actuator/health/readiness} answers 200; fails if the JVM exits first. */
        public Node awaitReady() {
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!alive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready; see " + log());
                }
                if (ready()) {
                    startTime = Duration.ofNanos(System.nanoTime() - startedAt);
                    return this;
                }
                try {
                    process.waitFor(500, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            throw new IllegalStateException(name + " was not ready within " + START_TIMEOUT + "; see " + log());
        }

        /** Whether the node answers its readiness probe with 200 now. */
        public boolean ready() {
            try {
                HttpResponse<Void> answer = HTTP.send(HttpRequest.newBuilder(baseUrl().resolve("/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                return answer.statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** From {@link #start()} to the first ready answer, once ready. */
        public Duration startTime() {
            return startTime;
        }

        public boolean alive() {
            return process != null && process.isAlive();
        }

        public long pid() {
            return process.pid();
        }

        /** kill -9: no shutdown hook, no clean close of connections; returns once the process is gone. */
        public void kill() {
            end(true);
        }

        /** SIGTERM and return at once: the node finishes its requests in flight meanwhile (see {@link #awaitExit}). */
        public void signalTerm() {
            process.destroy();
        }

        /** Waits for the process to end by itself; its exit code. */
        public int awaitExit(Duration limit) throws InterruptedException {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " did not end within " + limit + "; see " + log());
            }
            return process.exitValue();
        }

        /** SIGTERM: Spring's graceful shutdown; returns once the process is gone. */
        public void stop() {
            end(false);
        }

        private void end(boolean forcibly) {
            if (process == null || !process.isAlive()) {
                return;
            }
            if (forcibly) {
                process.destroyForcibly();
            } else {
                process.destroy();
            }
            try {
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The node's console output (every start appended). */
        public Path log() {
            return directory.resolve(name + ".log");
        }

        /** The node's log as text, for assertions on what it did. */
        public String logText() {
            try {
                return Files.readString(log());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return name + " (port " + port + (alive() ? ", pid " + pid() : ", not running") + ")";
        }
    }
}
