package org.reviewdesk.representative;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code reviewdesk.representative}: the first review's and the applicant's supplement limits in
 * working days; access codes tried per client address and the lock after; how long a started case
 * may wait for its documents before another start for the code releases it; and the public links
 * put into SMS (the status page, the registration form a deregistered organisation is invited to).
 */
@Validated
@ConfigurationProperties("reviewdesk.representative")
record RepresentativeProperties(
        @DefaultValue("5") @Min(1) @Max(60) int reviewWorkingDays,
        @DefaultValue("10") @Min(1) @Max(60) int supplementWorkingDays,
        @DefaultValue("30") @Min(1) int accessMaxFailuresPerAddress,
        @DefaultValue("15m") Duration accessLockDuration,
        @DefaultValue("P7D") Duration unsubmittedRetention,
        @DefaultValue("http://localhost:8080/change/status") String statusUrl,
        @DefaultValue("http://localhost:8080/apply") String applyUrl) {
}
