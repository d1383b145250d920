package org.reviewdesk.documents;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where documents are stored ({@code reviewdesk.documents}). An empty endpoint means the embedded
 * S3-compatible server under {@code embeddedDirectory}; either way the MinIO SDK does the talking.
 */
@Validated
@ConfigurationProperties("reviewdesk.documents")
public record DocumentStoreProperties(
        String endpoint,
        String accessKey,
        String secretKey,
        @NotBlank String bucket,
        @NotBlank String region,
        @NotNull Path embeddedDirectory) {

    /**
     * No working default credentials. An external store needs both keys, else start-up fails here
     * with a message naming them; the embedded server (loopback only, this process only) gets random
     * keys for its lifetime when none are given.
     */
    public DocumentStoreProperties {
        boolean missing = accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isBlank();
        if (missing && !(endpoint == null || endpoint.isBlank())) {
            throw new IllegalStateException("REVIEWDESK_S3_ENDPOINT is set, so REVIEWDESK_S3_ACCESS_KEY and "
                    + "REVIEWDESK_S3_SECRET_KEY must be set too: the document store has no default credentials");
        }
        if (missing) {
            accessKey = "embedded-" + random(6);
            secretKey = random(24);
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    /** True when no external endpoint is configured and the embedded server is started. */
    public boolean embedded() {
        return endpoint == null || endpoint.isBlank();
    }

    /** "embedded" or "external", as shown by the health indicator and the logs. */
    public String endpointKind() {
        return embedded() ? "embedded" : "external";
    }

    /** Keeps the secret key out of logs and failure analyses. */
    @Override
    public String toString() {
        return "DocumentStoreProperties[endpoint=" + endpoint + ", accessKey=" + accessKey
                + ", secretKey=******, bucket=" + bucket + ", region=" + region
                + ", embeddedDirectory=" + embeddedDirectory + "]";
    }
}
