package org.reviewdesk.namechange;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code reviewdesk.namechange}: access codes tried per client address and the lock after, and the
 * status page's link put into SMS.
 */
@Validated
@ConfigurationProperties("reviewdesk.namechange")
record NameChangeProperties(
        @DefaultValue("30") @Min(1) int accessMaxFailuresPerAddress,
        @DefaultValue("15m") Duration accessLockDuration,
        @DefaultValue("http://localhost:8080/rename/status") String statusUrl) {
}
