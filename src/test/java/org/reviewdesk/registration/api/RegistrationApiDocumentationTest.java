package org.reviewdesk.registration.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.registration.api.RegistrationApiClient.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The OpenAPI description is public and lists only the public API; the staff API stays behind the login. */
@ApplicationTest
class RegistrationApiDocumentationTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void theOpenApiDescriptionListsThePublicPathsAndNoStaffPath() throws Exception {
        Answer docs = new RegistrationApiClient(port, jdbc).get("/v3/api-docs", null);

        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        JsonNode api = docs.json();
        assertThat(api.at("/info/title").asText()).isEqualTo("Review Desk public API");
        List<String> paths = new ArrayList<>();
        api.get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/api/public/registrations", "/api/public/registrations/required-documents",
                "/api/public/registrations/{number}", "/api/public/registrations/{number}/documents/{slot}",
                "/api/public/registrations/{number}/submit", "/api/public/registrations/{number}/supplement",
                "/api/public/registrations/{number}/receipt");
        assertThat(paths).allSatisfy(path -> assertThat(path).startsWith("/api/public/"));
        assertThat(api.at("/paths/~1api~1public~1registrations~1{number}/get/parameters").toString()).contains("X-Access-Code");
    }

    @Test
    void theSwaggerUiOpensWithoutLogin() throws Exception {
        RegistrationApiClient api = new RegistrationApiClient(port, jdbc);

        Answer entry = api.get("/swagger-ui.html", null);
        assertThat(entry.status()).isIn(200, 302);
        String page = entry.status() == 302 ? entry.header("Location") : "/swagger-ui.html";
        Answer ui = api.get(page.replaceFirst("^https?://[^/]+", ""), null);

        assertThat(ui.status()).as(page).isEqualTo(200);
        assertThat(ui.body()).containsIgnoringCase("swagger");
    }

    @Test
    void theStaffDocumentsApiStillRefusesAnonymousCallers() throws Exception {
        RegistrationApiClient api = new RegistrationApiClient(port, jdbc);

        Answer read = api.get("/api/documents/1/original", null);
        Answer upload = api.send(api.request("/api/documents?caseRef=x&slot=y", null)
                .header("Content-Type", "multipart/form-data; boundary=x").POST(HttpRequest.BodyPublishers.ofString("--x--\r\n")));

        assertThat(read.status()).isIn(302, 401, 403);
        assertThat(upload.status()).isIn(302, 401, 403);
    }

    @Test
    void thePublicApiNeitherNeedsNorStartsASession() throws Exception {
        Answer answer = new RegistrationApiClient(port, jdbc).requiredDocuments("legalPersonType=ORGAN", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Set-Cookie")).isNull();
        assertThat(RegistrationApiHappyPathTest.slots(answer.json())).contains("uscc-certificate", "id-representative-front");
    }

    @Test
    void anUnknownPublicPathOrMethodIsAnErrorNotTheStaffLogin() throws Exception {
        RegistrationApiClient api = new RegistrationApiClient(port, jdbc);

        Answer unknown = api.get("/api/public/registrations/RD1/unknown/path", null);
        Answer wrongMethod = api.send(api.request("/api/public/registrations", null).DELETE());

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(unknown.header("Location")).isNull();
        assertThat(unknown.body()).doesNotContain("Exception");
    }
}
