package org.reviewdesk.registration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code reviewdesk.registration}: the review and supplement limits in working days (the business
 * calendar's), how many access codes an address may try (per address only: no lock of an application
 * by someone else's failures), the key of the access-code hash and the previous keys still accepted
 * ({@link KeyedHashes}), how many credit-code conflict checks and SMS codes for proving a mobile an
 * address may ask for, how many uploads one address may run at once (per node), and the
 * housekeeping ({@link RegistrationHousekeeping}): how long ID scans are kept after the final
 * decision, how long a draft that was never submitted is kept, and how often the job runs
 * (ISO-8601, e.g. PT1H: {@code @Scheduled} reads the same setting as written).
 */
@Validated
@ConfigurationProperties("reviewdesk.registration")
record RegistrationProperties(
        @DefaultValue("5") @Min(1) @Max(60) int reviewWorkingDays,
        @DefaultValue("10") @Min(1) @Max(60) int supplementWorkingDays,
        @DefaultValue("30") @Min(1) int accessMaxFailuresPerAddress,
        @DefaultValue("15m") Duration accessLockDuration,
        @DefaultValue("") String accessCodeSecret,
        @DefaultValue List<String> accessCodePreviousSecrets,
        @DefaultValue("20") @Min(1) int usccChecksPerAddress,
        @DefaultValue("1h") Duration usccCheckWindow,
        @DefaultValue("3") @Min(1) int mobileCodesPerMobile,
        @DefaultValue("20") @Min(1) int mobileCodesPerAddress,
        @DefaultValue("1h") Duration mobileCodeWindow,
        @DefaultValue("10m") Duration mobileCodeValidity,
        @DefaultValue("5") @Min(1) @Max(10) int mobileCodeAttempts,
        @DefaultValue("2") @Min(1) int concurrentUploadsPerAddress,
        @DefaultValue("P180D") Duration idScanRetention,
        @DefaultValue("P30D") Duration draftRetention,
        @DefaultValue("PT1H") Duration housekeepingInterval) {

    RegistrationProperties {
        if (idScanRetention.isNegative() || draftRetention.isNegative()
                || housekeepingInterval.isNegative() || housekeepingInterval.isZero()) {
            throw new IllegalArgumentException("reviewdesk.registration: invalid retention " + idScanRetention
                    + ", " + draftRetention + " or interval " + housekeepingInterval);
        }
    }
}
