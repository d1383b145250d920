package org.reviewdesk.registration.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.registration.api.RegistrationApiClient.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Item 11 of issue 11: browsers let only the configured origins read the public API
 * ({@code reviewdesk.public-api.allowed-origins}; the test profile lists {@code https://portal.example}).
 */
@ApplicationTest
class PublicApiCorsTest {

    static final String LISTED = "https://portal.example";
    static final String UNLISTED = "https://evil.example";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void aPreflightFromAnUnlistedOriginGetsNoAllowOrigin() throws Exception {
        Answer answer = preflight(UNLISTED);

        assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
        assertThat(answer.status()).isEqualTo(403);
    }

    @Test
    void aPreflightFromAListedOriginIsAllowedForTheApisHeaders() throws Exception {
        Answer answer = preflight(LISTED);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(LISTED);
        assertThat(answer.header("Access-Control-Allow-Headers")).containsIgnoringCase("x-access-code");
        assertThat(answer.header("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void aCrossOriginCallFromAnUnlistedOriginIsRefused() throws Exception {
        RegistrationApiClient api = new RegistrationApiClient(port, jdbc);

        Answer unlisted = api.send(api.request(RegistrationApiClient.BASE + "/required-documents?legalPersonType=ENTERPRISE", null)
                .header("Origin", UNLISTED).GET());
        Answer listed = api.send(api.request(RegistrationApiClient.BASE + "/required-documents?legalPersonType=ENTERPRISE", null)
                .header("Origin", LISTED).GET());

        assertThat(unlisted.header("Access-Control-Allow-Origin")).isNull();
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.header("Access-Control-Allow-Origin")).isEqualTo(LISTED);
    }

    private Answer preflight(String origin) throws Exception {
        RegistrationApiClient api = new RegistrationApiClient(port, jdbc);
        return api.send(api.request(RegistrationApiClient.BASE, null)
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-access-code")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }
}
