package org.reviewdesk.registration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code reviewdesk.registration}: the review and supplement limits in working days (the business
 * calendar's), and how many wrong access codes an application and an address may be sent.
 */
@Validated
@ConfigurationProperties("reviewdesk.registration")
record RegistrationProperties(
        @DefaultValue("5") @Min(1) @Max(60) int reviewWorkingDays,
        @DefaultValue("10") @Min(1) @Max(60) int supplementWorkingDays,
        @DefaultValue("5") @Min(1) int accessMaxFailuresPerApplication,
        @DefaultValue("30") @Min(1) int accessMaxFailuresPerAddress,
        @DefaultValue("15m") Duration accessLockDuration) {
}
