package org.reviewdesk.namechange;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code reviewdesk.namechange}: the review's limit in working days (on the working-day calendar;
 * overdue, supervisors are offered it); access codes tried per client address and the lock after; how
 * long a started case may wait for its licence before another start for the code releases it; and the
 * status page's link put into SMS.
 */
@Validated
@ConfigurationProperties("reviewdesk.namechange")
record NameChangeProperties(
        @DefaultValue("5") @Min(1) @Max(60) int reviewWorkingDays,
        @DefaultValue("30") @Min(1) int accessMaxFailuresPerAddress,
        @DefaultValue("15m") Duration accessLockDuration,
        @DefaultValue("P7D") Duration unsubmittedRetention,
        @DefaultValue("http://localhost:8080/rename/status") String statusUrl) {
}
