package org.reviewdesk.registration;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code reviewdesk.registration.draft-limits}: how many drafts one contact mobile and one client
 * address may open within the window. A draft sends an SMS to the mobile typed into a public form,
 * so without a limit the form would send SMS to anyone's phone, as often as asked.
 */
@Validated
@ConfigurationProperties("reviewdesk.registration.draft-limits")
record DraftLimits(
        @DefaultValue("5") @Min(1) int perMobile,
        @DefaultValue("30") @Min(1) int perAddress,
        @DefaultValue("1h") Duration window) {
}
