package org.reviewdesk.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.reviewdesk.documents.DocumentStoreTestSupport.connect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedS3ServerTest {

    @TempDir
    Path directory;

    @Test
    void listensOnLoopbackOnly() throws IOException {
        List<InetAddress> otherAddresses = nonLoopbackAddresses();
        assumeThat(otherAddresses).as("a non-loopback address to try").isNotEmpty();

        try (EmbeddedS3Server server = DocumentStoreTestSupport.startServer(directory)) {
            assertThat(server.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertThatCode(() -> connect(InetAddress.getByName("127.0.0.1"), server.port())).doesNotThrowAnyException();
            for (InetAddress address : otherAddresses) {
                assertThatThrownBy(() -> connect(address, server.port()))
                        .as("connect to %s", address)
                        .isInstanceOf(ConnectException.class);
            }
        }
    }

    @Test
    void stopsListeningWhenClosed() throws IOException {
        EmbeddedS3Server server = DocumentStoreTestSupport.startServer(directory);
        int port = server.port();

        server.close();

        assertThatThrownBy(() -> connect(InetAddress.getByName("127.0.0.1"), port)).isInstanceOf(ConnectException.class);
    }

    @Test
    void keepsObjectsInItsDirectoryAcrossRestarts() {
        Path objects = directory.resolve("objects");
        try (EmbeddedS3Server server = DocumentStoreTestSupport.startServer(objects)) {
            ObjectStore store = DocumentStoreTestSupport.storeAt(server.endpoint().toString());
            store.put("documents/kept/v1", new ByteArrayInputStream("kept".getBytes(StandardCharsets.UTF_8)), "text/plain");
        }

        try (EmbeddedS3Server restarted = DocumentStoreTestSupport.startServer(objects)) {
            ObjectStore store = DocumentStoreTestSupport.storeAt(restarted.endpoint().toString());
            assertThat(store.stat("documents/kept/v1")).map(StoredObject::size).hasValue(4L);
        }
        assertThat(objects.resolve(DocumentStoreTestSupport.BUCKET)).isDirectory();
    }

    @Test
    void refusesRequestsSignedWithAnotherSecret() {
        try (EmbeddedS3Server server = EmbeddedS3Server.start(directory, DocumentStoreTestSupport.ACCESS_KEY, "another-secret-9876543210")) {
            ObjectStore store = DocumentStoreTestSupport.storeAt(server.endpoint().toString());

            assertThatThrownBy(store::ensureBucket)
                    .isInstanceOfSatisfying(DocumentStoreException.class,
                            e -> assertThat(e.messageKey()).isEqualTo(DocumentStoreException.UNAVAILABLE));
        }
    }

    @Test
    void grantsNoCrossOriginAccessToBrowsers() throws Exception {
        try (EmbeddedS3Server server = DocumentStoreTestSupport.startServer(directory)) {
            // s3proxy answers a preflight only for a bucket that exists
            DocumentStoreTestSupport.storeAt(server.endpoint().toString()).ensureBucket();
            HttpRequest preflight = HttpRequest.newBuilder(server.endpoint().resolve("/" + DocumentStoreTestSupport.BUCKET + "/key"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "http://elsewhere.example")
                    .header("Access-Control-Request-Method", "GET")
                    .build();

            HttpResponse<Void> response = HttpClient.newHttpClient().send(preflight, HttpResponse.BodyHandlers.discarding());

            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(networkInterface -> {
                    try {
                        return networkInterface.isUp() && !networkInterface.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .toList();
    }
}
