package org.reviewdesk.registration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code reviewdesk.registration}: the review and supplement limits in working days (the business
 * calendar's), how many access codes an address may try (per address only: no lock of an application
 * by someone else's failures), how many credit-code conflict checks an address may ask for (the
 * access-code key and the SMS codes proving a mobile are the shared {@code applicants.ApplicantProperties},
 * under the same prefix), how many uploads one address may run at once (per node), and the
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
        @DefaultValue("20") @Min(1) int usccChecksPerAddress,
        @DefaultValue("1h") Duration usccCheckWindow,
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
