package org.reviewdesk.registration.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.deployment.NodeTool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public OpenAPI document ({@code /v3/api-docs}, all three public APIs) passes Redocly's
 * {@code recommended} rules with neither errors nor warnings: what a front-end team's tooling
 * would complain about first. Redocly CLI is installed from the npm registry into
 * {@code target/redocly} on the first run (pinned version).
 */
@ApplicationTest
class PublicApiLintTest {

    private static final NodeTool REDOCLY = new NodeTool("@redocly/cli@2.77.0", "redocly", "redocly");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void theDocumentPassesTheRecommendedRulesWithoutWarnings() throws Exception {
        RegistrationApiClient.Answer docs = new RegistrationApiClient(port, jdbc).get("/v3/api-docs", null);
        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        Path document = Files.createDirectories(Path.of("target", "openapi")).resolve("public-api.json");
        Files.write(document, docs.bytes());

        NodeTool.Result lint = REDOCLY.run(List.of("lint", "--extends=recommended", "--format=stylish", document.toString()));

        assertThat(lint.exit()).as("Redocly found problems in %s:%n%s", document, lint.output()).isZero();
        // a problem line of the stylish format ("1:20  warning  info-license …") or the totals ("You have 2 warnings");
        // not Node.js's own notices
        assertThat(lint.output()).as("warnings count too:%n%s", lint.output()).doesNotContainPattern("\\bwarning {2,}|\\d+ warnings?\\b");
    }
}
