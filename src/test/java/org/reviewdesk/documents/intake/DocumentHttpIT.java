package org.reviewdesk.documents.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.StaffHttpClient;
import org.reviewdesk.documents.ObjectStore;
import org.reviewdesk.documents.inspection.InspectionLimits;
import org.reviewdesk.platform.AuditLog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Reading documents over real HTTP with a signed-in staff session (the login form's CSRF token and
 * session, as a browser has them): the headers a reviewer's browser gets, and the attacks of issue 11
 * refused. A hotline agent or an administrator, whose roles handle no process, cannot read a
 * registration's ID scan however they name it; a sequential id or a guessed public id names nothing;
 * there is no staff upload. The document is put in place through the service with the test's stand-in
 * inspector, in a case of the registration process's shape, so the application's own read policy
 * (the workbench's, from the processes' handlers) decides.
 */
@ApplicationTest
class DocumentHttpIT {

    static final String PASSWORD = "ReviewDesk2026";

    @LocalServerPort int port;
    @Autowired ObjectStore store;
    @Autowired DocumentRepository documents;
    @Autowired DocumentPreviewRepository previewRows;
    @Autowired AuditLog audit;
    @Autowired PlatformTransactionManager transactions;
    @Autowired Clock clock;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectProvider<DocumentReadPolicy> readers;

    PreviewJobs previewJobs;
    String caseRef = Fixtures.registrationRef();
    DocumentInfo document;
    byte[] pdf = Fixtures.pdf(1, "over http");

    @BeforeEach
    void storeAnIdScan() {
        TestInspection inspection = new TestInspection();
        previewJobs = new PreviewJobs(store, documents, previewRows, DocumentServiceTest.provider(PageRendering.class, inspection),
                InspectionLimits.DEFAULTS, IntakeProperties.DEFAULTS, transactions);
        DocumentService service = new DocumentService(store, new DocumentRecords(documents, previewJobs, transactions, clock),
                documents, previewRows, previewJobs, DocumentServiceTest.provider(DocumentInspection.class, inspection),
                InspectionLimits.DEFAULTS, audit, readers, transactions);
        document = service.upload(caseRef, "id-representative-front", "身份证.pdf", "text/html",
                new ByteArrayInputStream(pdf), "applicant:" + caseRef);
    }

    @AfterEach
    void stop() {
        previewJobs.destroy();
        jdbc.sql("delete from login_throttle").update();
    }

    @Test
    void aSignedInReviewerGetsTheOriginalAsANeverSniffedAttachmentByItsPublicId() throws Exception {
        StaffHttpClient browser = signedIn("reviewer");

        HttpResponse<byte[]> response = browser.getBytes("/api/documents/" + document.publicId() + "/original");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(pdf);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(value -> assertThat(value)
                .startsWith("attachment;").contains("filename*=UTF-8''%E8%BA%AB%E4%BB%BD%E8%AF%81.pdf"));
        assertThat(audited(DocumentService.AUDIT_VIEW_ID_SCAN, "reviewer")).isEqualTo(1);
    }

    /** The demo hotline agent and administrator: roles that handle no registration. */
    @ParameterizedTest
    @ValueSource(strings = {"hotline", "admin"})
    void aStaffMemberWhoseRoleHandlesNoRegistrationIsRefusedItsIdScanAndTheRefusalIsAudited(String username) throws Exception {
        StaffHttpClient browser = signedIn(username);

        HttpResponse<byte[]> original = browser.getBytes("/api/documents/" + document.publicId() + "/original");
        HttpResponse<byte[]> preview = browser.getBytes("/api/documents/" + document.publicId() + "/previews/1");

        assertThat(original.statusCode()).isEqualTo(403);
        assertThat(new String(original.body(), StandardCharsets.UTF_8)).contains("\"code\":\"intake.access.denied\"");
        assertThat(preview.statusCode()).isEqualTo(403);
        assertThat(audited(DocumentService.AUDIT_READ_REFUSED, username)).isEqualTo(2);
        assertThat(audited(DocumentService.AUDIT_VIEW_ID_SCAN, username)).isZero();
    }

    @Test
    void theSequentialIdNamesNoDocument() throws Exception {
        StaffHttpClient browser = signedIn("reviewer");

        HttpResponse<byte[]> byNumber = browser.getBytes("/api/documents/" + document.id() + "/original");
        HttpResponse<byte[]> previewByNumber = browser.getBytes("/api/documents/" + document.id() + "/previews/1");

        assertThat(byNumber.statusCode()).isEqualTo(404);
        assertThat(new String(byNumber.body(), StandardCharsets.UTF_8)).contains("\"code\":\"intake.document.notFound\"");
        assertThat(previewByNumber.statusCode()).isEqualTo(404);
    }

    @Test
    void aGuessedPublicIdIsAJsonNotFoundInTheRequestsLanguage() throws Exception {
        StaffHttpClient browser = signedIn("hotline");

        HttpResponse<byte[]> guessed = browser.send(browser.request("/api/documents/" + UUID.randomUUID() + "/original")
                .header("Accept-Language", "en"), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> mangled = browser.getBytes("/api/documents/" + document.publicId().toString().replace("-", "") + "/original");

        assertThat(guessed.statusCode()).isEqualTo(404);
        assertThat(new String(guessed.body(), StandardCharsets.UTF_8)).contains("\"code\":\"intake.document.notFound\"");
        assertThat(mangled.statusCode()).isEqualTo(404);
    }

    @Test
    void aVisitorWhoIsNotSignedInGetsNoDocument() throws Exception {
        HttpResponse<byte[]> response = new StaffHttpClient(port).getBytes("/api/documents/" + document.publicId() + "/original");

        assertThat(response.statusCode()).isIn(302, 401, 403);
        assertThat(response.body()).isNotEqualTo(pdf);
    }

    @Test
    void thereIsNoStaffUploadAnyMoreEvenWithTheSessionsCsrfToken() throws Exception {
        StaffHttpClient browser = signedIn("reviewer");

        HttpResponse<String> response = upload(browser, caseRef, "id-representative-front", "other.pdf", pdf);

        assertThat(response.statusCode()).as(response.body()).isIn(404, 405);
        assertThat(jdbc.sql("select count(*) from document where case_ref = :c").param("c", caseRef)
                .query(Integer.class).single()).isEqualTo(1);
    }

    /** A staff member signed in over HTTP through the login form. */
    private StaffHttpClient signedIn(String username) throws Exception {
        StaffHttpClient browser = new StaffHttpClient(port);
        assertThat(browser.login(username, PASSWORD).headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return browser;
    }

    private int audited(String action, String actor) {
        return jdbc.sql("select count(*) from audit_record where case_ref = :c and action = :a and actor = :u")
                .param("c", caseRef).param("a", action).param("u", actor).query(Integer.class).single();
    }

    /** The multipart POST the removed endpoint took, as a browser form sends it, with the session's CSRF token. */
    private static HttpResponse<String> upload(StaffHttpClient browser, String caseRef, String slot, String fileName,
                                               byte[] content) throws Exception {
        String boundary = "----reviewdesk" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        String fields = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"caseRef\"\r\n\r\n" + caseRef + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"slot\"\r\n\r\n" + slot + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n";
        body.write(fields.getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return browser.send(browser.request("/api/documents")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-CSRF-TOKEN", browser.csrfToken("/"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), HttpResponse.BodyHandlers.ofString());
    }
}
