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
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.StaffHttpClient;
import org.reviewdesk.documents.ObjectStore;
import org.reviewdesk.documents.inspection.InspectionLimits;
import org.reviewdesk.platform.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Reading documents over real HTTP with a signed-in staff session: the headers a browser gets, and
 * no document for a visitor who is not signed in. The document is put in place through the service
 * with the test's stand-in inspector.
 */
@ApplicationTest
class DocumentHttpIT {


    @LocalServerPort int port;
    @Autowired ObjectStore store;
    @Autowired DocumentRepository documents;
    @Autowired DocumentPreviewRepository previewRows;
    @Autowired AuditLog audit;
    @Autowired PlatformTransactionManager transactions;
    @Autowired Clock clock;
    @Autowired JdbcClient jdbc;

    PreviewJobs previewJobs;
    DocumentInfo document;
    byte[] pdf = Fixtures.pdf(1, "over http");

    @BeforeEach
    void storeADocument() {
        TestInspection inspection = new TestInspection();
        previewJobs = new PreviewJobs(store, documents, previewRows, DocumentServiceTest.provider(PageRendering.class, inspection),
                InspectionLimits.DEFAULTS, IntakeProperties.DEFAULTS, transactions);
        DocumentService service = new DocumentService(store, new DocumentRecords(documents, previewJobs, transactions, clock),
                documents, previewRows, previewJobs, DocumentServiceTest.provider(DocumentInspection.class, inspection),
                InspectionLimits.DEFAULTS, audit, transactions);
        document = service.upload("CASE-" + UUID.randomUUID(), "licence", "营业执照.pdf", "text/html",
                new ByteArrayInputStream(pdf), "reviewer");
    }

    @AfterEach
    void stop() {
        previewJobs.destroy();
        jdbc.sql("delete from login_throttle").update();
    }

    @Test
    void aSignedInReviewerGetsTheOriginalAsANeverSniffedAttachment() throws Exception {
        StaffHttpClient browser = signedInReviewer();

        HttpResponse<byte[]> response = browser.getBytes("/api/documents/" + document.id() + "/original");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(pdf);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(value -> assertThat(value)
                .startsWith("attachment;").contains("filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7.pdf"));
    }

    @Test
    void aMissingDocumentIsAJsonErrorInTheRequestsLanguage() throws Exception {
        StaffHttpClient browser = signedInReviewer();

        HttpResponse<byte[]> response = browser.getBytes("/api/documents/" + Long.MAX_VALUE + "/original");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"code\":\"intake.document.notFound\"");
    }

    @Test
    void aVisitorWhoIsNotSignedInGetsNoDocument() throws Exception {
        HttpResponse<byte[]> response = new StaffHttpClient(port).getBytes("/api/documents/" + document.id() + "/original");

        assertThat(response.statusCode()).isIn(302, 401, 403);
        assertThat(response.body()).isNotEqualTo(pdf);
    }

    @Test
    void aReviewerUploadsAPdfThroughTheRestEndpointAndTheRealInspectorAcceptsIt() throws Exception {
        StaffHttpClient browser = signedInReviewer();
        String caseRef = "CASE-" + UUID.randomUUID();

        HttpResponse<String> response = upload(browser, caseRef, "business-licence", "营业执照.pdf", pdf, "zh-CN");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.body()).contains(caseRef).contains("business-licence");
        assertThat(jdbc.sql("select count(*) from document where case_ref = :c").param("c", caseRef).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aScriptNamedPdfIsRefusedInTheCallersLanguageAndNothingIsStored() throws Exception {
        StaffHttpClient browser = signedInReviewer();
        String caseRef = "CASE-" + UUID.randomUUID();

        HttpResponse<String> response = upload(browser, caseRef, "business-licence", "licence.pdf",
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "en");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("\"code\":\"inspection.refused.unsupportedType\"").contains("PDF");
        assertThat(jdbc.sql("select count(*) from document where case_ref = :c").param("c", caseRef).query(Integer.class).single()).isZero();
    }

    @Test
    void aBodyOverTheMultipartLimitGetsTheSameSizeRefusal() throws Exception {
        StaffHttpClient browser = signedInReviewer();
        byte[] tooBig = new byte[13 * 1024 * 1024];
        System.arraycopy(pdf, 0, tooBig, 0, pdf.length);

        HttpResponse<String> response = upload(browser, "CASE-" + UUID.randomUUID(), "business-licence", "big.pdf", tooBig, "zh-CN");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"code\":\"inspection.refused.tooLarge\"");
    }

    /** A reviewer signed in over HTTP. */
    private StaffHttpClient signedInReviewer() throws Exception {
        StaffHttpClient browser = new StaffHttpClient(port);
        assertThat(browser.login("reviewer", "ReviewDesk2026").headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return browser;
    }

    /** A multipart POST as a browser form sends it, with the session's CSRF token. */
    private static HttpResponse<String> upload(StaffHttpClient browser, String caseRef, String slot, String fileName,
                                               byte[] content, String language) throws Exception {
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
                .header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), HttpResponse.BodyHandlers.ofString());
    }
}
