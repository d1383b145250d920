package org.reviewdesk.registration.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.SlowUploads;
import org.reviewdesk.applicants.UploadPermits;
import org.reviewdesk.registration.api.RegistrationApiClient.Draft;
import org.reviewdesk.documents.inspection.BusyInspections;
import org.reviewdesk.documents.inspection.InspectionLimits;
import org.reviewdesk.documents.inspection.InspectionWorker;
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

    private static final String LOOPBACK = SlowUploads.LOOPBACK;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UploadPermits permits;
    @Autowired InspectionWorker inspections;
    @Autowired InspectionLimits inspectionLimits;
    @Value("${reviewdesk.registration.concurrent-uploads-per-address}") int perAddress;
    private SlowUploads uploads;

    @org.junit.jupiter.api.BeforeEach
    void sockets() {
        uploads = new SlowUploads(port);
    }

    @AfterEach
    void closeSockets() throws IOException {
        uploads.close();
        await().atMost(Duration.ofSeconds(30)).until(() -> permits.running(LOOPBACK) == 0);
        jdbc.sql("delete from login_throttle where throttle_key like 'applicant:%'").update();
    }

    @Test
    void anUploadTheBusyInspectionCannotTakeIsA503ToTryAgainAndNothingIsStored() throws Exception {
        RegistrationApiClient api = new RegistrationApiClient(port, jdbc);
        Draft draft = api.draft(RegistrationApiClient.validForm());

        RegistrationApiClient.Answer answer;
        try (BusyInspections busy = BusyInspections.occupy(inspections, inspectionLimits.maxConcurrent())) {
            answer = api.upload(draft, "business-licence", "licence.pdf", "application/pdf", RegistrationApiClient.pdf("Business licence"), "en");
        }

        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.json().get("code").asText()).isEqualTo("inspection.refused.busy");
        assertThat(answer.json().get("message").asText()).contains("busy");
        assertThat(jdbc.sql("select count(*) from document where case_ref = :number").param("number", draft.number())
                .query(Integer.class).single()).isZero();
        // sent again once the worker is free, the same file is taken
        assertThat(api.upload(draft, "business-licence", "licence.pdf", "application/pdf", RegistrationApiClient.pdf("Business licence"), "en")
                .status()).isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from document where case_ref = :number").param("number", draft.number())
                .query(Integer.class).single()).isOne();
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
        assertThat(answer).contains("applicant.upload.tooManyAtOnce").contains("Too many uploads at once (at most " + perAddress);
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

    private Socket startUpload(String number, String code) throws IOException {
        return startUpload(number, code, null);
    }

    private Socket startUpload(String number, String code, String language) throws IOException {
        return uploads.start(RegistrationApiClient.BASE + "/" + number + "/documents/business-licence", code, language);
    }

    private static String readAnswer(Socket socket) throws IOException {
        return SlowUploads.answer(socket);
    }
}
