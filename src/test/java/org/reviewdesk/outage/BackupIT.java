package org.reviewdesk.outage;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.registration.RegistrationReview;
import org.reviewdesk.review.ReviewDecision;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 15, "Backups": while the application runs on PostgreSQL and an S3 server, back up the
 * database and copy the bucket, restore both into a fresh PostgreSQL and a fresh S3 server, start
 * the application on them in its own JVM: every application (with its state after a decision) and
 * every document is there, each object with the checksum its row names.
 *
 * <p>The database is backed up with PostgreSQL's low-level base backup ({@code pg_backup_start},
 * a copy of the data directory, {@code pg_backup_stop}, the WAL written meanwhile): zonky's
 * binaries bring no {@code pg_dump}, and the host's (Debian's 15) refuses a PostgreSQL 17 server.
 * docs/deployment.md describes {@code pg_dump} in the postgres container, whose version matches;
 * what this test shows for both is the order and the consistency of database and bucket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "reviewdesk.data-dir=target/backup-data",
        "camunda.bpm.job-execution.enabled=true",
        "reviewdesk.notifications.dispatch-enabled=true",
        "reviewdesk.notifications.dispatch-interval=1s",
        "reviewdesk.notifications.sms.sender=http"})
@ActiveProfiles("test")
@DirtiesContext
class BackupIT {

    private static final CurrentUser REVIEWER = new CurrentUser("reviewer", Set.of(Role.REVIEWER));
    private static final String BUCKET = "review-desk";
    /** Directories PostgreSQL recreates or does not need in a base backup (its documentation, "Making a Base Backup"). */
    private static final Set<String> SKIPPED = Set.of("postmaster.pid", "postmaster.opts", "pg_stat_tmp", "pg_replslot",
            "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans");

    private static Path root;
    private static Path pgData;
    private static EmbeddedPostgres postgres;
    private static S3ServerProcess s3;
    private static SmsGatewayStub sms;
    private static EmbeddedPostgres restoredPostgres;
    private static S3ServerProcess restoredS3;
    private static Process restoredApp;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired RegistrationReview reviews;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) throws IOException {
        root = Files.createTempDirectory("reviewdesk-backup");
        pgData = root.resolve("pg");
        postgres = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false).start();
        s3 = new S3ServerProcess(root.resolve("objects")).start();
        sms = new SmsGatewayStub(S3ServerProcess.freePort()).start();
        registry.add("spring.datasource.url", () -> url(postgres));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        s3.registerAsDocumentStore(registry);
        registry.add("reviewdesk.notifications.sms.http.url", sms::url);
    }

    @AfterAll
    static void stopTheCopies() throws IOException {
        if (restoredApp != null) {
            restoredApp.destroyForcibly();
        }
        if (restoredS3 != null) {
            restoredS3.close();
        }
        if (restoredPostgres != null) {
            restoredPostgres.close();
        }
        s3.close();
        sms.close();
    }

    @Test
    void aBackupTakenWhileRunningRestoresEveryApplicationDecisionAndDocument() throws Exception {
        PublicApplicant applicant = new PublicApplicant(port, jdbc, sms);
        String[] approved = applicant.submitted();
        String[] inReview = applicant.submitted();
        String[] draft = applicant.draft();
        applicant.api().upload(draft[0], draft[1], org.reviewdesk.registration.api.RegistrationApiForOtherPackages.ENTERPRISE_SLOTS[0], null);
        applicant.awaitState(approved, "IN_REVIEW");
        applicant.awaitState(inReview, "IN_REVIEW");
        reviews.decide(approved[0], new ReviewDecision.Approve("材料齐全"), REVIEWER);
        applicant.awaitState(approved, "APPROVED");
        Map<String, String> states = Map.of(approved[0], "APPROVED", inReview[0], "IN_REVIEW", draft[0], "DRAFT");
        Map<String, String> documents = new LinkedHashMap<>();
        jdbc.sql("select storage_key, sha256 from document").query((rs, n) -> documents.put(rs.getString(1), rs.getString(2))).list();
        assertThat(documents).hasSizeGreaterThanOrEqualTo(7);

        // while the application runs: the database first, then the bucket
        long backupStarted = System.nanoTime();
        Path restoredData = root.resolve("pg-restored");
        baseBackup(restoredData);
        Path restoredObjects = root.resolve("objects-restored");
        restoredS3 = new S3ServerProcess(restoredObjects).start();
        int copied = copyBucket(client(s3.endpoint()), client(restoredS3.endpoint()));
        System.out.println("OUTAGE FIGURE: backup (base backup + " + copied + " objects) took "
                + (System.nanoTime() - backupStarted) / 1_000_000 + " ms");

        // PostgreSQL starts only on a data directory nobody else may read; the recovery replays the WAL of the backup
        Files.setPosixFilePermissions(restoredData, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        restoredPostgres = EmbeddedPostgres.builder().setDataDirectory(restoredData).setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofMinutes(2)).start();
        try (Connection db = DriverManager.getConnection(url(restoredPostgres), "postgres", "")) {
            for (Map.Entry<String, String> state : states.entrySet()) {
                assertThat(single(db, "select state from registration_application where number = '" + state.getKey() + "'"))
                        .as(state.getKey()).isEqualTo(state.getValue());
            }
            assertThat(single(db, "select decided_by from registration_application where number = '" + approved[0] + "'"))
                    .isEqualTo("reviewer");
        }
        MinioClient restoredBucket = client(restoredS3.endpoint());
        for (Map.Entry<String, String> document : documents.entrySet()) {
            assertThat(sha256(restoredBucket, document.getKey())).as(document.getKey()).isEqualTo(document.getValue());
        }

        int appPort = S3ServerProcess.freePort();
        Path appData = Files.createDirectories(root.resolve("app-restored"));
        restoredApp = ApplicationProcess.start(appPort, appData.resolve("app.log"), "--reviewdesk.data-dir=" + appData,
                "--spring.datasource.url=" + url(restoredPostgres), "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--reviewdesk.documents.endpoint=" + restoredS3.endpoint(),
                "--reviewdesk.documents.access-key=" + S3ServerProcess.ACCESS_KEY,
                "--reviewdesk.documents.secret-key=" + S3ServerProcess.SECRET_KEY,
                "--reviewdesk.notifications.dispatch-enabled=false");
        HttpClient http = HttpClient.newHttpClient();
        Awaitility.await("the application on the restored pair healthy").atMost(Duration.ofMinutes(6))
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    assertThat(restoredApp.isAlive()).as("see " + appData.resolve("app.log")).isTrue();
                    return get(http, appPort, "/actuator/health", null) == 200;
                });
        for (String[] application : List.of(approved, inReview, draft)) {
            assertThat(get(http, appPort, "/api/public/registrations/" + application[0], application[1])).as(application[0]).isEqualTo(200);
        }
        assertThat(get(http, appPort, "/api/public/registrations/" + approved[0] + "/receipt", approved[1])).isEqualTo(200);
    }

    /** pg_backup_start, a copy of the data directory, pg_backup_stop: its label and the WAL written meanwhile go with the copy. */
    private static void baseBackup(Path target) throws Exception {
        try (Connection db = DriverManager.getConnection(url(postgres), "postgres", "")) {
            db.createStatement().execute("select pg_backup_start('reviewdesk-backup', true)");
            copyTree(pgData, target);
            try (ResultSet stop = db.createStatement().executeQuery("select labelfile from pg_backup_stop(false)")) {
                stop.next();
                Files.writeString(target.resolve("backup_label"), stop.getString(1));
            }
            copyTree(pgData.resolve("pg_wal"), target.resolve("pg_wal"));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(file);
                Path target = to.resolve(relative);
                boolean skippedContent = relative.getNameCount() > 1 && SKIPPED.contains(relative.getName(0).toString());
                if (SKIPPED.contains(relative.toString()) && !Files.isDirectory(file) || skippedContent) {
                    continue;
                }
                try {
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (NoSuchFileException gone) {
                    // a temporary file removed while copying: the WAL replay does not need it
                }
            }
        }
    }

    private static int copyBucket(MinioClient from, MinioClient to) throws Exception {
        if (!to.bucketExists(BucketExistsArgs.builder().bucket(BUCKET).build())) {
            to.makeBucket(MakeBucketArgs.builder().bucket(BUCKET).build());
        }
        int copied = 0;
        for (Result<Item> result : from.listObjects(ListObjectsArgs.builder().bucket(BUCKET).recursive(true).build())) {
            Item item = result.get();
            try (InputStream in = from.getObject(GetObjectArgs.builder().bucket(BUCKET).object(item.objectName()).build())) {
                to.putObject(PutObjectArgs.builder().bucket(BUCKET).object(item.objectName()).stream(in, item.size(), -1).build());
            }
            copied++;
        }
        return copied;
    }

    private static String sha256(MinioClient client, String key) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(BUCKET).object(key).build())) {
            digest.update(in.readAllBytes());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MinioClient client(String endpoint) {
        return MinioClient.builder().endpoint(endpoint).region("us-east-1")
                .credentials(S3ServerProcess.ACCESS_KEY, S3ServerProcess.SECRET_KEY).build();
    }

    private static String single(Connection db, String sql) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }

    private static int get(HttpClient http, int port, String path, String accessCode) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
            if (accessCode != null) {
                request.header("X-Access-Code", accessCode);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException(e));
        }
    }

    private static String url(EmbeddedPostgres server) {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
    }
}
