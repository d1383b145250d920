package org.reviewdesk.outage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.registration.TestDocuments;
import org.reviewdesk.registration.api.RegistrationApiForOtherPackages;

/**
 * Issue 15, "Graceful shutdown": the application as its own JVM (its main class on the test
 * classpath, H2 and the embedded S3 store under a fresh data directory) gets SIGTERM while an
 * applicant's upload is half sent. The upload in flight finishes and is stored once, a request that
 * arrives after the signal is refused at the door (no connection), and the process ends by itself.
 */
class GracefulShutdownIT {

    private static final Duration START = Duration.ofMinutes(6);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MOBILE = "13812345678";
    private static final String LOOPBACK = "127.0.0.1";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process app;

    @AfterEach
    void stopTheApplication() {
        if (app != null && app.isAlive()) {
            app.destroyForcibly();
        }
    }

    @Test
    void sigtermLetsTheUploadInFlightFinishAndRefusesNewRequests() throws Exception {
        Path data = Files.createTempDirectory("reviewdesk-graceful");
        Path log = data.resolve("app.log");
        int port = S3ServerProcess.freePort();
        app = ApplicationProcess.start(port, log, "--reviewdesk.data-dir=" + data,
                "--spring.lifecycle.timeout-per-shutdown-phase=60s");
        Awaitility.await("the application ready").atMost(START).pollInterval(Duration.ofSeconds(1)).until(() -> {
            assertThat(app.isAlive()).as("the application ended; see " + log).isTrue();
            return ready(port);
        });

        String[] draft = draft(port, log);
        byte[] body = multipart(TestDocuments.pdf("business licence"));
        int half = body.length / 2;
        try (Socket upload = new Socket(LOOPBACK, port)) {
            upload.setSoTimeout(120_000);
            OutputStream out = upload.getOutputStream();
            out.write(("POST /api/public/registrations/" + draft[0] + "/documents/"
                    + RegistrationApiForOtherPackages.ENTERPRISE_SLOTS[0] + " HTTP/1.1\r\n"
                    + "Host: " + LOOPBACK + ":" + port + "\r\n"
                    + "X-Access-Code: " + draft[1] + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
                    + "Content-Length: " + body.length + "\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, half);
            out.flush();

            long signalledAt = System.nanoTime();
            app.destroy(); // SIGTERM
            Awaitility.await("graceful shutdown begun").atMost(Duration.ofMinutes(1))
                    .until(() -> Files.readString(log).contains("Commencing graceful shutdown"));
            Awaitility.await("new connections refused").atMost(Duration.ofSeconds(30)).until(() -> refused(port));

            out.write(body, half, body.length - half);
            out.flush();
            String answer = read(upload.getInputStream());
            System.out.println("OUTAGE FIGURE: upload in flight answered " + answer.lines().findFirst().orElse("")
                    + " " + (System.nanoTime() - signalledAt) / 1_000_000 + " ms after SIGTERM");
            assertThat(answer).startsWith("HTTP/1.1 201");
        }
        Awaitility.await("the process ended by itself").atMost(Duration.ofMinutes(2)).until(() -> !app.isAlive());
        System.out.println("OUTAGE FIGURE: exit code after SIGTERM " + app.exitValue());

        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("reviewdesk"), "sa", "");
             ResultSet documents = db.createStatement().executeQuery(
                     "select count(*) from document where case_ref = '" + draft[0] + "'")) {
            documents.next();
            assertThat(documents.getLong(1)).as("the upload in flight stored once").isEqualTo(1);
        }
    }

    private static final String BOUNDARY = "----reviewdesk-graceful";

    private static byte[] multipart(byte[] pdf) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"licence.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(pdf);
        body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    private boolean ready(int port) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://" + LOOPBACK + ":" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A draft through the public API, the mobile proven with the code the log shows (sender "log"): number and access code. */
    private String[] draft(int port, Path log) throws Exception {
        HttpResponse<String> sent = post(port, "/api/public/registrations/mobile-codes", Map.of("mobile", MOBILE));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        String proofId = JSON.readTree(sent.body()).get("proofId").asText();
        Pattern line = Pattern.compile("proof " + Pattern.quote(proofId) + "\\): (\\d{6})");
        String code = Awaitility.await("the code in the log").atMost(Duration.ofMinutes(1)).until(() -> {
            Matcher matcher = line.matcher(Files.readString(log));
            return matcher.find() ? matcher.group(1) : null;
        }, java.util.Objects::nonNull);
        Map<String, Object> form = RegistrationApiForOtherPackages.validForm();
        form.put("mobileProofId", proofId);
        form.put("mobileCode", code);
        HttpResponse<String> created = post(port, "/api/public/registrations", form);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode json = JSON.readTree(created.body());
        return new String[] {json.get("applicationNumber").asText(), json.get("accessCode").asText()};
    }

    private HttpResponse<String> post(int port, String path, Object body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://" + LOOPBACK + ":" + port + path))
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean refused(int port) throws IOException {
        try (Socket probe = new Socket(LOOPBACK, port)) {
            return false;
        } catch (ConnectException e) {
            return true;
        }
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
