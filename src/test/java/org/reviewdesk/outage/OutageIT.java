package org.reviewdesk.outage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.reviewdesk.registration.api.RegistrationApiForOtherPackages;
import org.reviewdesk.registration.api.RegistrationApiForOtherPackages.Reply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 15, "Outages": the application (in this JVM, on a random port, configured as production:
 * PostgreSQL, an external S3 server, an HTTP SMS gateway, its job executor and dispatcher on) while
 * what it depends on goes away and comes back. PostgreSQL (zonky's binaries) is stopped and started
 * again on the same data directory and port; the S3 server runs in a child JVM that is killed; the
 * SMS gateway is a server of the test's own, the SMTP server a GreenMail (a real SMTP server) on a fixed port. Figures (seconds to answer DOWN, to recover) are printed
 * as {@code OUTAGE FIGURE} lines for docs/outages.md, never asserted, except the bound: the
 * health answer comes within 2 s (the client gives up after that).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "reviewdesk.data-dir=target/outage-data",
        "camunda.bpm.job-execution.enabled=true",
        "reviewdesk.notifications.dispatch-enabled=true",
        "reviewdesk.notifications.dispatch-interval=1s",
        "reviewdesk.notifications.retry-base=1s",
        "reviewdesk.notifications.retry-max=2s",
        "reviewdesk.notifications.sms.sender=http",
        "reviewdesk.notifications.sms.http.token=outage-token",
        "reviewdesk.documents.intake.preview-retry-interval=PT2S"})
@ActiveProfiles("test")
@DirtiesContext
class OutageIT {

    private static final Duration HEALTH_BOUND = Duration.ofSeconds(2);
    private static final Duration PATIENCE = PublicApplicant.PATIENCE;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path pgData;
    private static int pgPort;
    private static EmbeddedPostgres postgres;
    private static S3ServerProcess s3;
    private static SmsGatewayStub sms;
    private static int smtpPort;
    private static GreenMail smtp;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired HealthEndpoint health;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) throws IOException {
        Path root = Files.createTempDirectory("reviewdesk-outage");
        pgData = root.resolve("pg");
        pgPort = S3ServerProcess.freePort();
        postgres = startPostgres();
        s3 = new S3ServerProcess(root.resolve("objects")).start();
        sms = new SmsGatewayStub(S3ServerProcess.freePort()).start();
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres");
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        s3.registerAsDocumentStore(registry);
        registry.add("reviewdesk.notifications.sms.http.url", sms::url);
        smtpPort = S3ServerProcess.freePort();
        smtp = startSmtp();
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtpPort);
        // GreenMail's plain SMTP offers no STARTTLS, which production requires
        registry.add("spring.mail.properties[mail.smtp.starttls.enable]", () -> "false");
        registry.add("spring.mail.properties[mail.smtp.starttls.required]", () -> "false");
        registry.add("spring.mail.properties[mail.smtp.connectiontimeout]", () -> "2000");
    }

    /** A new server each time on the same port, as a mail server restarted by its operator. */
    private static GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false).setPort(pgPort).start();
    }

    /** PostgreSQL outlives the context (closed after this, @DirtiesContext): zonky's shutdown hook stops it. */
    @AfterAll
    static void stopTheChildAndTheGateway() {
        s3.close();
        sms.close();
        smtp.stop();
    }

    // ---- PostgreSQL -----------------------------------------------------------------------------

    @Test
    void postgresStoppedAndStartedAgain() throws Exception {
        String[] before = submitted();
        awaitState(before, "IN_REVIEW");

        postgres.close();
        long stoppedAt = System.nanoTime();
        try {
            for (int i = 0; i < 3; i++) {
                long asked = System.nanoTime();
                HttpResponse<String> answer = get("/actuator/health", null, HEALTH_BOUND);
                figure("health answered %d %s %d ms after asking (database stopped)", answer.statusCode(), answer.body(), millisSince(asked));
                assertThat(answer.statusCode()).isEqualTo(503);
                assertThat(answer.body()).contains("DOWN");
            }
            assertThat(health.healthForPath("db").getStatus()).isEqualTo(Status.DOWN);

            long asked = System.nanoTime();
            HttpResponse<String> zh = get(statusPath(before), before[1], null, Duration.ofSeconds(30));
            figure("public API answered %d after %d ms (database stopped)", zh.statusCode(), millisSince(asked));
            assertClearError(zh, 503, "platform.error.databaseUnavailable", "稍后再试");
            assertClearError(get(statusPath(before), before[1], "en", Duration.ofSeconds(30)), 503,
                    "platform.error.databaseUnavailable", "try again in a few minutes");
            for (String page : new String[] {"/apply", "/status", "/login"}) {
                HttpResponse<String> answer = get(page, "en", Duration.ofSeconds(30));
                assertThat(answer.statusCode()).as(page).isLessThan(500);
                assertNoStackTrace(answer.body());
            }
        } finally {
            postgres = startPostgres();
        }
        long startedAt = System.nanoTime();
        figure("database stopped for %d ms", (startedAt - stoppedAt) / 1_000_000);

        Awaitility.await("health UP again").atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/actuator/health", null, Duration.ofSeconds(5)).statusCode() == 200);
        figure("health UP %d ms after the database started again", millisSince(startedAt));

        HttpResponse<String> kept = get(statusPath(before), before[1], "en", Duration.ofSeconds(30));
        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
        assertThat(JSON.readTree(kept.body()).at("/state/code").asText()).isEqualTo("IN_REVIEW");

        String[] after = submitted();
        awaitState(after, "IN_REVIEW");
        figure("an application submitted after the restart was checked by the job executor %d ms after the database started",
                millisSince(startedAt));
    }

    // ---- the S3 server ------------------------------------------------------------------------------

    @Test
    void s3ServerKilledAndStartedAgain() throws Exception {
        String[] draft = draft();
        RegistrationApiForOtherPackages api = api();
        assertThat(api.upload(draft[0], draft[1], RegistrationApiForOtherPackages.ENTERPRISE_SLOTS[0], null).status()).isEqualTo(201);
        long documentsBefore = documentsOf(draft[0]);

        s3.kill();
        long killedAt = System.nanoTime();
        try {
            long asked = System.nanoTime();
            HttpResponse<String> down = get("/actuator/health", null, HEALTH_BOUND);
            figure("health answered %d %s %d ms after asking (S3 server killed)", down.statusCode(), down.body(), millisSince(asked));
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(health.healthForPath("documentStore").getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.healthForPath("db").getStatus()).isEqualTo(Status.UP);

            Reply zh = api.upload(draft[0], draft[1], RegistrationApiForOtherPackages.ENTERPRISE_SLOTS[1], null);
            Reply en = api.upload(draft[0], draft[1], RegistrationApiForOtherPackages.ENTERPRISE_SLOTS[1], "en");
            assertClearError(zh.status(), zh.body(), 503, "documents.store.unavailable", "文件存储暂时不可用");
            assertClearError(en.status(), en.body(), 503, "documents.store.unavailable", "document store is unavailable");
            assertThat(documentsOf(draft[0])).as("nothing half-stored").isEqualTo(documentsBefore);

            // the previews of the stored licence cannot be rendered now: FAILED, as a reviewer's "render again" would leave them
            long licence = jdbc.sql("select id from document where case_ref = :number").param("number", draft[0]).query(Long.class).single();
            jdbc.sql("update document set preview_state = 'FAILED' where id = :id").param("id", licence).update();
        } finally {
            s3.start();
        }
        long startedAt = System.nanoTime();
        figure("S3 server away for %d ms", (startedAt - killedAt) / 1_000_000);

        Awaitility.await("health UP again").atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/actuator/health", null, Duration.ofSeconds(5)).statusCode() == 200);
        figure("health UP %d ms after the S3 server started again", millisSince(startedAt));
        Awaitility.await("previews rendered again by themselves").atMost(PATIENCE)
                .until(() -> jdbc.sql("select preview_state from document where case_ref = :number").param("number", draft[0])
                        .query(String.class).single(), "READY"::equals);
        figure("failed previews READY %d ms after the S3 server started again", millisSince(startedAt));

        Reply again = api.upload(draft[0], draft[1], RegistrationApiForOtherPackages.ENTERPRISE_SLOTS[1], null);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
    }

    // ---- the SMS gateway ------------------------------------------------------------------------------

    @Test
    void smsGatewayStoppedThenStarted() throws Exception {
        String[] draft = draft();
        sms.stop();
        try {
            uploadAll(draft);
            Reply submitted = api().submit(draft[0], draft[1], null);
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
            Awaitility.await("a failed attempt recorded").atMost(PATIENCE).until(() -> jdbc.sql("""
                            select count(*) from outbox_message where case_ref = :number and channel = 'SMS' and attempts > 0 and state = 'PENDING'""")
                    .param("number", draft[0]).query(Long.class).single() > 0);
            assertThat(sms.received()).noneMatch(body -> body.contains(draft[0]));
        } finally {
            sms.start();
        }
        long startedAt = System.nanoTime();
        Awaitility.await("the waiting SMS sent").atMost(PATIENCE)
                .until(() -> sms.received().stream().anyMatch(body -> body.contains(draft[0])));
        figure("waiting SMS sent %d ms after the gateway came back", millisSince(startedAt));
        Awaitility.await("every SMS of the case sent").atMost(PATIENCE).until(() -> jdbc.sql("""
                        select count(*) from outbox_message where case_ref = :number and state <> 'SENT' and channel = 'SMS'""")
                .param("number", draft[0]).query(Long.class).single() == 0);
    }

    // ---- the SMTP server ------------------------------------------------------------------------------

    /**
     * Mail goes through the same outbox as SMS: while the SMTP server is stopped the applicant's mails
     * (the access code at the draft, the submission's notice) wait PENDING with failed attempts; once
     * a server listens again each arrives, once.
     */
    @Test
    void smtpServerStoppedThenStarted() throws Exception {
        smtp.stop();
        String[] application;
        try {
            application = submitted();
            Awaitility.await("failed mail attempts recorded").atMost(PATIENCE).until(() -> jdbc.sql("""
                            select count(*) from outbox_message where case_ref = :number and channel = 'MAIL'
                            and attempts > 0 and state = 'PENDING'""")
                    .param("number", application[0]).query(Long.class).single() == 2);
            assertThat(jdbc.sql("""
                    select count(*) from outbox_message where case_ref = :number and channel = 'MAIL' and state = 'SENT'""")
                    .param("number", application[0]).query(Long.class).single()).as("mail sent with no server").isZero();
        } finally {
            smtp = startSmtp();
        }
        long startedAt = System.nanoTime();
        Awaitility.await("the waiting mails sent").atMost(PATIENCE)
                .until(() -> mailsAbout(application[0]).size() == 2);
        figure("waiting mails sent %d ms after the SMTP server came back", millisSince(startedAt));
        Awaitility.await("every mail of the case SENT").atMost(PATIENCE).until(() -> jdbc.sql("""
                        select count(*) from outbox_message where case_ref = :number and state <> 'SENT' and channel = 'MAIL'""")
                .param("number", application[0]).query(Long.class).single() == 0);
        assertThat(mailsAbout(application[0])).as("each mail once").extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrder("省外法人注册：申请编号与查询码", "省外法人注册：申请已提交");
    }

    /** The mails the SMTP server received whose body names the application. */
    private static List<MimeMessage> mailsAbout(String number) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> body(m).contains(number)).toList();
    }

    private static String body(MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (IOException | MessagingException e) {
            throw new AssertionError(e);
        }
    }

    // ---- an applicant through the public API ------------------------------------------------------

    private PublicApplicant applicant() {
        return new PublicApplicant(port, jdbc, sms);
    }

    private RegistrationApiForOtherPackages api() {
        return applicant().api();
    }

    private String[] draft() throws Exception {
        return applicant().draft();
    }

    private void uploadAll(String[] draft) throws Exception {
        applicant().uploadAll(draft);
    }

    private String[] submitted() throws Exception {
        return applicant().submitted();
    }

    private void awaitState(String[] application, String state) {
        applicant().awaitState(application, state);
    }

    private long documentsOf(String number) {
        return jdbc.sql("select count(*) from document where case_ref = :number").param("number", number).query(Long.class).single();
    }

    private static String statusPath(String[] application) {
        return "/api/public/registrations/" + application[0];
    }

    // ---- HTTP ----------------------------------------------------------------------------------------

    private HttpResponse<String> get(String path, String language, Duration timeout) throws Exception {
        return get(path, null, language, timeout);
    }

    private HttpResponse<String> get(String path, String accessCode, String language, Duration timeout) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(timeout).GET();
        if (accessCode != null) {
            request.header("X-Access-Code", accessCode);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertClearError(HttpResponse<String> answer, int status, String code, String text) throws IOException {
        assertClearError(answer.statusCode(), answer.body(), status, code, text);
    }

    private static void assertClearError(int actualStatus, String body, int status, String code, String text) throws IOException {
        assertThat(actualStatus).as(body).isEqualTo(status);
        JsonNode json = JSON.readTree(body);
        assertThat(json.get("code").asText()).isEqualTo(code);
        assertThat(json.get("message").asText()).contains(text);
        assertNoStackTrace(body);
    }

    private static void assertNoStackTrace(String body) {
        assertThat(body).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("org.postgresql");
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static void figure(String format, Object... arguments) {
        System.out.println("OUTAGE FIGURE: " + String.format(format, arguments));
    }
}
