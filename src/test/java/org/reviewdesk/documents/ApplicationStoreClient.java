package org.reviewdesk.documents;

import io.minio.GivenHashClient;
import io.minio.MinioClient;
import java.nio.file.Path;

/** The MinIO client as the application makes it, for the benchmarks of other packages. */
public final class ApplicationStoreClient {

    private ApplicationStoreClient() {
    }

    /**
     * @param external true for a store in another process (connections pooled), false for the
     *     embedded server of the default start
     */
    public static MinioClient at(String endpoint, String accessKey, String secretKey, boolean external) {
        DocumentStoreProperties properties = new DocumentStoreProperties(external ? endpoint : null, accessKey, secretKey,
                "unused", "us-east-1", Path.of("unused"));
        return DocumentStoreConfiguration.newMinioClient(endpoint, properties);
    }

    /** The client that signs an upload with the intake's own SHA-256, as the application makes it. */
    public static GivenHashClient givenHashAt(String endpoint, String accessKey, String secretKey, boolean external) {
        DocumentStoreProperties properties = new DocumentStoreProperties(external ? endpoint : null, accessKey, secretKey,
                "unused", "us-east-1", Path.of("unused"));
        return DocumentStoreConfiguration.newGivenHashClient(endpoint, properties);
    }
}
