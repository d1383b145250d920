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
                "/api/public/registrations/{number}/receipt", "/api/public/registrations/mobile-codes");
        assertThat(paths).contains("/api/public/representative-changes", "/api/public/name-changes");
        assertThat(paths).allSatisfy(path -> assertThat(path).startsWith("/api/public/"));
        assertThat(api.at("/info/description").asText()).contains("/registrations", "/representative-changes", "/name-changes");
        assertThat(api.at("/components/securitySchemes/accessCode/name").asText()).isEqualTo("X-Access-Code");
        assertThat(api.at("/paths/~1api~1public~1registrations~1{number}/get/security/0/accessCode").isArray()).isTrue();
        assertThat(api.at("/paths/~1api~1public~1registrations~1mobile-codes/post/security").isEmpty()).isTrue();
    }

    @Test
    void theSwaggerUiIsOffByDefault() throws Exception {
        // issue 11 item 15: only mvn spring-boot:run switches it on (reviewdesk.run.swagger-ui); the OpenAPI document stays
        RegistrationApiClient api = new RegistrationApiClient(port, jdbc);

        // no Swagger UI answers: the path falls through to the staff application (Vaadin's page or its login)
        for (String path : new String[] {"/swagger-ui/index.html", "/swagger-ui.html", "/swagger-ui/swagger-initializer.js"}) {
            RegistrationApiClient.Answer answer = api.get(path, null);
            assertThat(answer.body()).as(path).doesNotContainIgnoringCase("swagger");
        }
        assertThat(api.get("/v3/api-docs", null).status()).isEqualTo(200);
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
