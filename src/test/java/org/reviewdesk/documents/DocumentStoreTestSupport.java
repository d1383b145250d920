package org.reviewdesk.documents;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Builds stores the way the application does, against servers the tests start. */
final class DocumentStoreTestSupport {

    static final String ACCESS_KEY = "test-access";
    static final String SECRET_KEY = "test-secret-0123456789";
    static final String BUCKET = "review-desk-test";
    /** S3's smallest part, so a few MB already take the multipart path. */
    static final long SMALL_PART_SIZE = 5L * 1024 * 1024;

    private DocumentStoreTestSupport() {
    }

    static DocumentStoreProperties properties(String endpoint, Path directory) {
        return new DocumentStoreProperties(endpoint, ACCESS_KEY, SECRET_KEY, BUCKET, "us-east-1", directory);
    }

    static EmbeddedS3Server startServer(Path directory) {
        return EmbeddedS3Server.start(directory, ACCESS_KEY, SECRET_KEY);
    }

    static ObjectStore storeAt(String endpoint) {
        return storeAt(endpoint, BUCKET, new SimpleMeterRegistry());
    }

    /** A store as the application makes it, but with the smallest part size S3 allows. */
    static ObjectStore storeAt(String endpoint, String bucket, MeterRegistry meters) {
        // the directory is the embedded server's business, not the client's
        DocumentStoreProperties properties = properties(endpoint, Path.of("unused"));
        return new ObjectStore(DocumentStoreConfiguration.newMinioClient(endpoint, properties),
                DocumentStoreConfiguration.newGivenHashClient(endpoint, properties), bucket, SMALL_PART_SIZE, meters);
    }

    /** A loopback port nothing listens on (it was free a moment ago). */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a TCP connection and closes it; a ConnectException when nothing listens there. */
    static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
        }
    }

    static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
                digesting.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
