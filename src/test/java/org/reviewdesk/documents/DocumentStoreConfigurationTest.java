package org.reviewdesk.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.HealthContributorNameFactory;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans of the document store, wired by Spring without the rest of the application. */
class DocumentStoreConfigurationTest {

    @TempDir
    Path directory;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(DocumentStoreConfiguration.class, Infrastructure.class)
            .withPropertyValues(
                    "reviewdesk.documents.access-key=" + DocumentStoreTestSupport.ACCESS_KEY,
                    "reviewdesk.documents.secret-key=" + DocumentStoreTestSupport.SECRET_KEY,
                    "reviewdesk.documents.bucket=" + DocumentStoreTestSupport.BUCKET,
                    "reviewdesk.documents.region=us-east-1");

    @Test
    void withoutAnEndpointTheEmbeddedServerServesTheStoreUntilTheContextCloses() {
        AtomicInteger port = new AtomicInteger();

        runner.withPropertyValues("reviewdesk.documents.endpoint=", "reviewdesk.documents.embedded-directory=" + directory)
                .run(context -> {
                    assertThat(context).hasSingleBean(EmbeddedS3Server.class);
                    port.set(context.getBean(EmbeddedS3Server.class).port());
                    ObjectStore store = context.getBean(ObjectStore.class);
                    store.put("documents/wired/v1", new ByteArrayInputStream(new byte[] {1, 2, 3}), "image/jpeg");
                    assertThat(store.stat("documents/wired/v1")).map(StoredObject::size).hasValue(3L);
                    assertThat(context.getBean("documentStoreHealthIndicator", HealthIndicator.class).health().getDetails())
                            .containsEntry("endpoint", "embedded");
                });

        assertThatThrownBy(() -> DocumentStoreTestSupport.connect(InetAddress.getByName("127.0.0.1"), port.get()))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void withAnEndpointNoServerIsStartedAndTheBucketIsCreatedThere() {
        try (EmbeddedS3Server external = DocumentStoreTestSupport.startServer(directory.resolve("external"))) {
            runner.withPropertyValues("reviewdesk.documents.endpoint=" + external.endpoint(),
                            "reviewdesk.documents.embedded-directory=" + directory.resolve("unused"))
                    .run(context -> {
                        assertThat(context).doesNotHaveBean(EmbeddedS3Server.class);
                        assertThat(context.getBean(ObjectStore.class).bucketExists()).isTrue();
                        var health = context.getBean("documentStoreHealthIndicator", HealthIndicator.class).health();
                        assertThat(health.getStatus()).isEqualTo(Status.UP);
                        assertThat(health.getDetails()).containsEntry("endpoint", "external");
                    });
            assertThat(directory.resolve("unused")).doesNotExist();
        }
    }

    @Test
    void anUnreachableStoreDoesNotStopTheApplicationFromStarting() {
        runner.withPropertyValues("reviewdesk.documents.endpoint=http://127.0.0.1:" + DocumentStoreTestSupport.closedPort(),
                        "reviewdesk.documents.embedded-directory=" + directory)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean("documentStoreHealthIndicator", HealthIndicator.class).health().getStatus())
                            .isEqualTo(Status.DOWN);
                });
    }

    @Test
    void theStoresConnectionsSendWithoutNaglesDelay() throws Exception {
        try (EmbeddedS3Server server = DocumentStoreTestSupport.startServer(directory)) {
            for (String endpoint : new String[] {"", server.endpoint().toString()}) {
                List<Boolean> noDelay = new CopyOnWriteArrayList<>();
                OkHttpClient http = DocumentStoreConfiguration.httpClient(DocumentStoreTestSupport.properties(endpoint, directory))
                        .newBuilder()
                        .addNetworkInterceptor(chain -> {
                            noDelay.add(chain.connection().socket().getTcpNoDelay());
                            return chain.proceed(chain.request());
                        })
                        .build();

                try (Response response = http.newCall(new Request.Builder().url(server.endpoint().toString()).build()).execute()) {
                    assertThat(response.code()).isPositive();
                }

                assertThat(noDelay).as("TCP_NODELAY of the connection, endpoint '%s'", endpoint).containsExactly(true);
            }
        }
    }

    @Test
    void theHealthIndicatorIsListedAsDocumentStore() {
        assertThat(HealthContributorNameFactory.INSTANCE.apply("documentStoreHealthIndicator")).isEqualTo("documentStore");
    }

    @Test
    void propertiesBindFromKebabCaseAndHideTheSecret() {
        runner.withPropertyValues("reviewdesk.documents.embedded-directory=" + directory)
                .run(context -> {
                    DocumentStoreProperties properties = context.getBean(DocumentStoreProperties.class);
                    assertThat(properties.embedded()).isTrue();
                    assertThat(properties.embeddedDirectory()).isEqualTo(directory);
                    assertThat(properties.accessKey()).isEqualTo(DocumentStoreTestSupport.ACCESS_KEY);
                    assertThat(properties.toString()).doesNotContain(DocumentStoreTestSupport.SECRET_KEY);
                });
    }

    @Test
    void aMissingBucketNameStopsTheStart() {
        runner.withPropertyValues("reviewdesk.documents.bucket=", "reviewdesk.documents.embedded-directory=" + directory)
                .run(context -> assertThat(context).getFailure().hasRootCauseInstanceOf(BindValidationException.class));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DocumentStoreProperties.class)
    static class Infrastructure {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
