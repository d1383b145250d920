package org.reviewdesk.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.reviewdesk.documents.EmbeddedS3Server;

/**
 * The S3 server of {@link ClusterNodes} in a child JVM: the application's own s3proxy set-up on a
 * free loopback port, files under {@code args[0]}. Writes its port into the file {@code args[3]}
 * once it listens, then serves until the parent destroys the process.
 */
public final class S3ServerMain {

    private S3ServerMain() {
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        EmbeddedS3Server server = EmbeddedS3Server.start(Path.of(args[0]), args[1], args[2]);
        Path portFile = Path.of(args[3]);
        Path written = Files.writeString(portFile.resolveSibling(portFile.getFileName() + ".tmp"), String.valueOf(server.port()));
        // renamed whole, so the parent never reads half a number
        Files.move(written, portFile, StandardCopyOption.ATOMIC_MOVE);
        Thread.currentThread().join();
    }
}
