package org.reviewdesk.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class DocumentStoreHealthIndicatorTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    @TempDir
    Path directory;

    @Test
    void upWithTheBucketAndEndpointKindWhenTheBucketExists() {
        try (EmbeddedS3Server server = DocumentStoreTestSupport.startServer(directory)) {
            ObjectStore store = DocumentStoreTestSupport.storeAt(server.endpoint().toString());
            store.ensureBucket();

            Health health = check(store, "embedded", Duration.ofSeconds(5));

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails())
                    .containsEntry("bucket", DocumentStoreTestSupport.BUCKET)
                    .containsEntry("endpoint", "embedded");
        }
    }

    @Test
    void downWhenTheBucketIsMissing() {
        try (EmbeddedS3Server server = DocumentStoreTestSupport.startServer(directory)) {
            ObjectStore store = DocumentStoreTestSupport.storeAt(server.endpoint().toString());

            Health health = check(store, "embedded", Duration.ofSeconds(5));

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("error", "the bucket does not exist");
        }
    }

    @Test
    void downWithTheErrorWhenNothingListens() {
        ObjectStore store = DocumentStoreTestSupport.storeAt("http://127.0.0.1:" + DocumentStoreTestSupport.closedPort());

        Health health = check(store, "external", Duration.ofSeconds(5));

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("endpoint", "external");
        assertThat(health.getDetails().get("error")).asString().contains("ConnectException");
    }

    @Test
    void downWithinTheTimeoutWhenTheStoreDoesNotAnswer() throws IOException {
        // accepts connections (the kernel does, into the backlog) and never answers
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ObjectStore store = DocumentStoreTestSupport.storeAt("http://127.0.0.1:" + silent.getLocalPort());

            Health health = check(store, "external", TIMEOUT);

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            // the indicator's own timeout answered, not the client's longer read timeout
            assertThat(health.getDetails()).containsEntry("error", "no answer within 500 ms");
        }
    }

    private static Health check(ObjectStore store, String endpointKind, Duration timeout) {
        try (DocumentStoreHealthIndicator indicator = new DocumentStoreHealthIndicator(store, endpointKind, timeout)) {
            return indicator.health();
        }
    }
}
