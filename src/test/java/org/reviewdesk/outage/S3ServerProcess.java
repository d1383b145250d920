package org.reviewdesk.outage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.awaitility.Awaitility;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.filesystem.reference.FilesystemConstants;

/**
 * An S3 server (s3proxy over files) in a child JVM on a fixed loopback port, so a test can kill it
 * as an operator's MinIO goes away (kill -9: no goodbye to the connections in flight) and start it
 * again on the same port and files, as MinIO comes back after a restart.
 */
final class S3ServerProcess implements AutoCloseable {

    static final String ACCESS_KEY = "outage-access";
    static final String SECRET_KEY = "outage-secret-key";

    private final Path directory;
    private final int port;
    private final Path log;
    private Process process;

    S3ServerProcess(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
        this.port = freePort();
        this.log = directory.resolveSibling(directory.getFileName() + ".log");
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Points the application's document store at this server. */
    void registerAsDocumentStore(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("reviewdesk.documents.endpoint", this::endpoint);
        registry.add("reviewdesk.documents.access-key", () -> ACCESS_KEY);
        registry.add("reviewdesk.documents.secret-key", () -> SECRET_KEY);
    }

    /** Starts the child and returns once it accepts connections. */
    S3ServerProcess start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                S3ServerProcess.class.getName(), directory.toString(), String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        Awaitility.await("the S3 server on port " + port).atMost(Duration.ofMinutes(2)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the S3 server process ended; see " + log);
            }
            return listening();
        });
        return this;
    }

    /** kill -9: connections in flight are cut, nothing is flushed. */
    void kill() {
        process.destroyForcibly();
        Awaitility.await("the S3 server gone").atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive() && !listening());
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The child: {@code <directory> <port>}; runs until killed. */
    public static void main(String[] args) throws Exception {
        Properties overrides = new Properties();
        overrides.setProperty(FilesystemConstants.PROPERTY_BASEDIR, args[0]);
        BlobStoreContext context = ContextBuilder.newBuilder("filesystem").overrides(overrides).build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + args[1]))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .metricsEnabled(false)
                .build();
        proxy.start();
        System.out.println("S3 server listening on port " + proxy.getPort() + " over " + args[0]);
        Thread.currentThread().join();
    }
}
