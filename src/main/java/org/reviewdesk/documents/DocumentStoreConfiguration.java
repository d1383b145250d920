package org.reviewdesk.documents;

import io.micrometer.core.instrument.MeterRegistry;
import io.minio.GivenHashClient;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.http.HttpUtils;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The document store: the embedded S3-compatible server when no endpoint is configured, and the
 * same MinIO client, object store and health indicator whichever server is behind them.
 */
@Configuration(proxyBeanMethods = false)
class DocumentStoreConfiguration {

    /** Long enough for a slow network, short enough that a person is told soon when the store is gone. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Between two packets, not for a whole transfer: a large upload may take longer. */
    static final Duration READ_WRITE_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(DocumentStoreConfiguration.class);

    /** Closed (and its port released) when the context closes, after the beans that use it. */
    @Bean
    @Conditional(EmbeddedStoreCondition.class)
    EmbeddedS3Server embeddedS3Server(DocumentStoreProperties properties) {
        return EmbeddedS3Server.start(properties.embeddedDirectory(), properties.accessKey(), properties.secretKey());
    }

    @Bean
    MinioClient minioClient(DocumentStoreProperties properties, Optional<EmbeddedS3Server> embeddedServer) {
        return newMinioClient(endpoint(properties, embeddedServer), properties);
    }

    @Bean
    ObjectStore objectStore(MinioClient minioClient, DocumentStoreProperties properties,
            Optional<EmbeddedS3Server> embeddedServer, MeterRegistry meterRegistry) {
        GivenHashClient givenHash = newGivenHashClient(endpoint(properties, embeddedServer), properties);
        ObjectStore store = new ObjectStore(minioClient, givenHash, properties.bucket(), ObjectStore.DEFAULT_PART_SIZE, meterRegistry);
        try {
            store.ensureBucket();
        } catch (DocumentStoreException e) {
            // The rest of the back office works without documents; the health indicator shows DOWN
            // and the first upload tries again.
            log.error("The document store ({}) is not reachable at start-up; bucket {} not checked",
                    properties.endpointKind(), properties.bucket(), e);
        }
        return store;
    }

    @Bean
    DocumentStoreHealthIndicator documentStoreHealthIndicator(ObjectStore objectStore, DocumentStoreProperties properties) {
        return new DocumentStoreHealthIndicator(objectStore, properties.endpointKind(), DocumentStoreHealthIndicator.DEFAULT_TIMEOUT);
    }

    /** The one way a MinIO client is made, for the embedded server and an external one alike. */
    static MinioClient newMinioClient(String endpoint, DocumentStoreProperties properties) {
        return MinioClient.builder()
                .endpoint(endpoint)
                .region(properties.region())
                .credentials(properties.accessKey(), properties.secretKey())
                .httpClient(httpClient(properties), true)
                .build();
    }

    /**
     * The client that stores an upload signed with the SHA-256 the intake already computed (the SDK
     * would read and hash the file again), made the same way as {@link #newMinioClient}.
     */
    static GivenHashClient newGivenHashClient(String endpoint, DocumentStoreProperties properties) {
        return new GivenHashClient(MinioAsyncClient.builder()
                .endpoint(endpoint)
                .region(properties.region())
                .credentials(properties.accessKey(), properties.secretKey())
                .httpClient(httpClient(properties), true)
                .build());
    }

    private static String endpoint(DocumentStoreProperties properties, Optional<EmbeddedS3Server> embeddedServer) {
        return embeddedServer.map(server -> server.endpoint().toString()).orElse(properties.endpoint());
    }

    static OkHttpClient httpClient(DocumentStoreProperties properties) {
        OkHttpClient.Builder http = HttpUtils.newDefaultHttpClient(
                        CONNECT_TIMEOUT.toMillis(), READ_WRITE_TIMEOUT.toMillis(), READ_WRITE_TIMEOUT.toMillis())
                .newBuilder()
                .socketFactory(new NoDelaySocketFactory());
        if (properties.embedded()) {
            // The in-process S3 server has twice left a previous object's bytes on a pooled connection
            // (the next call read "%PDF-1.6" as its status line; cause not found yet). On loopback a new
            // connection per call is cheap, so the embedded store keeps none idle; an external store pools as usual.
            http.connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS));
        }
        return http.build();
    }

    static final class EmbeddedStoreCondition implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("reviewdesk.documents.endpoint"));
        }
    }
}
