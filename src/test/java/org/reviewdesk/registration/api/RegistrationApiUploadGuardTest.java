package org.reviewdesk.registration.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.registration.api.RegistrationApiClient.Draft;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Item 10 of issue 11: an anonymous upload is refused before its body is read when the number or code
 * is wrong, and one address runs only a few uploads at once. Raw sockets send the headers and only the
 * start of a large body: a server that read the body before checking the code would wait for the
 * rest and never answer.
 */
@ApplicationTest
class RegistrationApiUploadGuardTest {

    private static final String LOOPBACK = "127.0.0.1";
    private static final int DECLARED = 11 * 1024 * 1024;
    private static final String BOUNDARY = "----reviewdesk-guard";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UploadPermits permits;
    @Value("${reviewdesk.registration.concurrent-uploads-per-address}") int perAddress;
    private final List<Socket> open = new ArrayList<>();

    @AfterEach
    void closeSockets() throws IOException {
        for (Socket socket : open) {
            socket.close();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> permits.running(LOOPBACK) == 0);
        jdbc.sql("delete from login_throttle where throttle_key like 'applicant:%'").update();
    }

    @Test
    void aWrongCodeIsRefusedBeforeTheBodyIsRead() throws Exception {
        Draft draft = new RegistrationApiClient(port, jdbc).draft(RegistrationApiClient.validForm());

        Socket socket = startUpload(draft.number(), "WRONG234");

        String answer = readAnswer(socket);
        assertThat(answer).as("answered while 11 MB of the body were still unsent").startsWith("HTTP/1.1 401");
        assertThat(answer).contains("registration.access.denied");
    }

    @Test
    void anUnknownApplicationIsRefusedBeforeTheBodyIsRead() throws Exception {
        Socket socket = startUpload("RD19700101000001", "AAAAAAAA");

        assertThat(readAnswer(socket)).startsWith("HTTP/1.1 401");
    }

    @Test
    void oneAddressRunsOnlyAFewUploadsAtOnceAndTheNextIsToldWhy() throws Exception {
        Draft draft = new RegistrationApiClient(port, jdbc).draft(RegistrationApiClient.validForm());
        for (int i = 0; i < perAddress; i++) {
            startUpload(draft.number(), draft.code());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> permits.running(LOOPBACK) == perAddress);

        Socket extra = startUpload(draft.number(), draft.code(), "en");

        String answer = readAnswer(extra);
        assertThat(answer).startsWith("HTTP/1.1 429");
        assertThat(answer).contains("registration.upload.tooManyAtOnce").contains("Too many uploads at once (at most " + perAddress);
    }

    @Test
    void aFileOverTheMultipartLimitIsRefusedAsTooLargeOnceTheCodeIsRight() throws Exception {
        RegistrationApiClient api = new RegistrationApiClient(port, jdbc);
        Draft draft = api.draft(RegistrationApiClient.validForm());

        RegistrationApiClient.Answer answer = api.upload(draft, "business-licence", "big.pdf", "application/pdf",
                new byte[11 * 1024 * 1024 + 1], "en");

        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.json().get("code").asText()).isEqualTo("inspection.refused.tooLarge");
    }

    /** Sends the request's headers and the first 64 KB of an 11 MB body; the rest is never sent. */
    private Socket startUpload(String number, String code) throws IOException {
        return startUpload(number, code, null);
    }

    private Socket startUpload(String number, String code, String language) throws IOException {
        Socket socket = new Socket(LOOPBACK, port);
        open.add(socket);
        socket.setSoTimeout(20_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + RegistrationApiClient.BASE + "/" + number + "/documents/business-licence HTTP/1.1\r\n"
                + "Host: " + LOOPBACK + ":" + port + "\r\n"
                + "X-Access-Code: " + code + "\r\n"
                + (language == null ? "" : "Accept-Language: " + language + "\r\n")
                + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
                + "Content-Length: " + DECLARED + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n").getBytes(StandardCharsets.US_ASCII));
        out.write(new byte[64 * 1024]);
        out.flush();
        return socket;
    }

    /** The status line, headers and as much of the body as came within the socket's timeout. */
    private static String readAnswer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int read;
        while ((read = in.read(buffer)) > 0) {
            answer.write(buffer, 0, read);
            String text = answer.toString(StandardCharsets.UTF_8);
            int headersEnd = text.indexOf("\r\n\r\n");
            if (headersEnd >= 0 && text.substring(headersEnd).contains("}")) {
                break;
            }
        }
        return answer.toString(StandardCharsets.UTF_8);
    }
}
