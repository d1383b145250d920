package org.reviewdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The application on its embedded defaults: H2, Camunda's schema, demo users, health. */
@ApplicationTest
class EmbeddedDefaultsTest {

    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Test
    void camundaSchemaIsCreatedOnH2() {
        assertThat(management.getTableCount()).containsKeys("ACT_RU_TASK", "ACT_HI_PROCINST", "ACT_RU_JOB");
        assertThat(management.getProperties()).containsKey("schema.version");
    }

    @Test
    void applicationSchemaIsMigratedByFlyway() {
        Integer migrations = jdbc.sql("select count(*) from \"flyway_schema_history\" where \"success\" = true")
                .query(Integer.class).single();
        assertThat(migrations).isGreaterThanOrEqualTo(1);
    }

    @Test
    void demoUsersAreSeededOnTheEmbeddedDatabase() {
        List<String> users = jdbc.sql("select username from staff_user order by username").query(String.class).list();
        assertThat(users).contains("admin", "reviewer", "supervisor", "hotline");
    }

    @Test
    void camundaSeesStaffRolesAsGroups() {
        List<String> groups = identity.createGroupQuery().groupMember("supervisor").list().stream().map(Group::getId).toList();
        assertThat(groups).containsExactlyInAnyOrder("supervisors", "reviewers");
        assertThat(identity.createUserQuery().memberOfGroup("reviewers").list())
                .extracting(u -> u.getId()).contains("reviewer", "reviewer2", "supervisor").doesNotContain("hotline");
        assertThat(identity.isReadOnly()).isTrue();
    }

    @Test
    void healthAnswersAnonymousCallersWithTheStatusOnly() throws Exception {
        // component names and details are for administrators (LoginHttpIT signs in as one)
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).startsWith("{\"status\":\"UP\"").doesNotContain("components").doesNotContain("\"db\"")
                .doesNotContain("documentStore");
    }

    @Test
    void metricsAreForAdminsOnly() throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isIn(302, 401, 403);
    }

    @Test
    void noCamundaRestApiOrWebappIsExposed() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of("/engine-rest/engine", "/camunda/app/welcome/default/", "/camunda/api/admin/setup/default/user/create")) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).as(path).doesNotContain("\"name\":\"default\"").doesNotContain("Camunda Welcome");
            assertThat(response.statusCode()).as(path).isNotEqualTo(200);
        }
        // and not merely hidden: the REST API and webapp classes are not on the classpath at all
        assertThat(isOnClasspath("org.camunda.bpm.engine.rest.impl.CamundaRestResources")).isFalse();
        assertThat(isOnClasspath("org.camunda.bpm.webapp.impl.security.auth.AuthenticationService")).isFalse();
    }

    private static boolean isOnClasspath(String className) {
        try {
            Class.forName(className);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
