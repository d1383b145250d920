package org.reviewdesk.documents;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
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
        @NotBlank String accessKey,
        @NotBlank String secretKey,
        @NotBlank String bucket,
        @NotBlank String region,
        @NotNull Path embeddedDirectory) {

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
