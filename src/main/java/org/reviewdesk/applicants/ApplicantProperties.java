package org.reviewdesk.applicants;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The settings of what every applicant-facing process shares: the key of the keyed hash
 * ({@link KeyedHashes}) and its previous keys, and the SMS codes proving a mobile
 * ({@link MobileProofs}). They stay under {@code reviewdesk.registration.*}, where registration
 * introduced them, so no deployment's configuration changes.
 */
@Validated
@ConfigurationProperties("reviewdesk.registration")
public record ApplicantProperties(
        @DefaultValue("") String accessCodeSecret,
        @DefaultValue List<String> accessCodePreviousSecrets,
        @DefaultValue("3") @Min(1) int mobileCodesPerMobile,
        @DefaultValue("20") @Min(1) int mobileCodesPerAddress,
        @DefaultValue("1h") Duration mobileCodeWindow,
        @DefaultValue("10m") Duration mobileCodeValidity,
        @DefaultValue("5") @Min(1) @Max(10) int mobileCodeAttempts) {
}
