package org.reviewdesk.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.filesystem.reference.FilesystemConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The S3-compatible server of the default start: s3proxy in this JVM, objects as files under a
 * local directory (jclouds "filesystem"), AWS V2/V4 signatures checked against the configured keys.
 * It listens on 127.0.0.1 only, on a port the system picks, so nothing outside this machine can
 * reach the documents and two instances on one machine never collide.
 */
public final class EmbeddedS3Server implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedS3Server.class);
    /** IPv4 loopback literally: a host name could resolve to another interface. */
    static final String LOOPBACK = "127.0.0.1";

    private final BlobStoreContext blobStoreContext;
    private final S3Proxy proxy;
    private final URI endpoint;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedS3Server(BlobStoreContext blobStoreContext, S3Proxy proxy) {
        this.blobStoreContext = blobStoreContext;
        this.proxy = proxy;
        this.endpoint = URI.create("http://" + LOOPBACK + ":" + proxy.getPort());
    }

    /** Starts a server storing under {@code directory} (created if missing); close it to stop. */
    public static EmbeddedS3Server start(Path directory, String accessKey, String secretKey) {
        long startedAt = System.nanoTime();
        Path baseDirectory = createDirectories(directory);
        Properties overrides = new Properties();
        overrides.setProperty(FilesystemConstants.PROPERTY_BASEDIR, baseDirectory.toString());
        BlobStoreContext context = ContextBuilder.newBuilder("filesystem")
                .overrides(overrides)
                .build(BlobStoreContext.class);
        try {
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(context.getBlobStore())
                    .endpoint(URI.create("http://" + LOOPBACK + ":0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                    // without rules s3proxy allows every origin; documents only ever go through the application
                    .corsRules(new CrossOriginResourceSharing(List.of(), List.of(), List.of(), List.of(), "false"))
                    // its metrics server would listen on 0.0.0.0
                    .metricsEnabled(false)
                    .build();
            proxy.start();
            EmbeddedS3Server server = new EmbeddedS3Server(context, proxy);
            log.info("Embedded S3-compatible document store listening on {} (port {}), files under {}, started in {} ms",
                    server.endpoint, server.port(), baseDirectory, (System.nanoTime() - startedAt) / 1_000_000);
            return server;
        } catch (Exception e) {
            context.close();
            throw new IllegalStateException("The embedded document store could not start on " + LOOPBACK, e);
        }
    }

    /** The base URL a MinIO client connects to, e.g. {@code http://127.0.0.1:39215}. */
    public URI endpoint() {
        return endpoint;
    }

    public int port() {
        return proxy.getPort();
    }

    /** Stops accepting connections and releases the files; closing again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            proxy.stop();
            log.info("Embedded document store on port {} stopped", endpoint.getPort());
        } catch (Exception e) {
            log.warn("Embedded document store on {} did not stop cleanly", endpoint, e);
        } finally {
            blobStoreContext.close();
        }
    }

    private static Path createDirectories(Path directory) {
        try {
            return Files.createDirectories(directory.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the document directory " + directory, e);
        }
    }
}
