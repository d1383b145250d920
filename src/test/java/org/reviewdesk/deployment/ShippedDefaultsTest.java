package org.reviewdesk.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reviewdesk.documents.DocumentStoreProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.env.PropertySourcesPropertyResolver;
import org.springframework.core.io.ClassPathResource;

/**
 * What the jar and the image do when an operator sets nothing (issue 11, items 13-15): the shipped
 * {@code application.yml} read with no environment variable, as a bare {@code java -jar} reads it.
 */
class ShippedDefaultsTest {

    private static PropertyResolver shipped;

    @BeforeAll
    static void readShippedConfiguration() throws IOException {
        MutablePropertySources sources = new MutablePropertySources();
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml")).forEach(sources::addLast);
        shipped = new PropertySourcesPropertyResolver(sources);
    }

    @Test
    void noDemoUsersWithAPublishedPasswordUnlessAsked() {
        assertThat(shipped.getProperty("reviewdesk.demo-data")).isEqualTo("false");
    }

    @Test
    void theSwaggerUiIsOffAndHealthShowsNoComponentsToAnonymousCallers() {
        assertThat(shipped.getProperty("springdoc.swagger-ui.enabled")).isEqualTo("false");
        assertThat(shipped.getProperty("management.endpoint.health.show-components")).isEqualTo("when-authorized");
        assertThat(shipped.getProperty("management.endpoint.health.show-details")).isEqualTo("when-authorized");
    }

    @Test
    void mailRequiresStartTls() {
        assertThat(shipped.getProperty("spring.mail.properties[mail.smtp.starttls.enable]")).isEqualTo("true");
        assertThat(shipped.getProperty("spring.mail.properties[mail.smtp.starttls.required]")).isEqualTo("true");
    }

    @Test
    void noTrustedProxyAndNoForwardedHeadersByDefault() {
        assertThat(shipped.getProperty("reviewdesk.trusted-proxies")).isEmpty();
        assertThat(shipped.getProperty("server.forward-headers-strategy")).isEqualTo("none");
    }

    @Test
    void theDocumentStoreHasNoDefaultCredentials() {
        assertThat(shipped.getProperty("reviewdesk.documents.access-key")).isEmpty();
        assertThat(shipped.getProperty("reviewdesk.documents.secret-key")).isEmpty();
    }

    @Test
    void anExternalDocumentStoreWithoutCredentialsStopsTheStartWithAClearMessage() {
        assertThatThrownBy(() -> new DocumentStoreProperties("http://minio:9000", "", "", "review-desk", "us-east-1", Path.of("x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("REVIEWDESK_S3_ACCESS_KEY").hasMessageContaining("REVIEWDESK_S3_SECRET_KEY");
        assertThatThrownBy(() -> new DocumentStoreProperties("http://minio:9000", "app", null, "review-desk", "us-east-1", Path.of("x")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theEmbeddedStoreMakesUpKeysOfItsOwnThatNobodyKnows() {
        DocumentStoreProperties one = new DocumentStoreProperties("", "", "", "review-desk", "us-east-1", Path.of("x"));
        DocumentStoreProperties two = new DocumentStoreProperties(null, null, null, "review-desk", "us-east-1", Path.of("x"));
        assertThat(one.secretKey()).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(two.secretKey());
        assertThat(one.accessKey()).isNotEqualTo(two.accessKey()).isNotEqualTo("reviewdesk");
        assertThat(one.toString()).doesNotContain(one.secretKey());
    }
}
