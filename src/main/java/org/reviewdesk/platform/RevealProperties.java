package org.reviewdesk.platform;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Showing personal data in full ({@link PersonalDataReveals}): how many values one staff member may
 * reveal per business day, on every screen together.
 */
@Validated
@ConfigurationProperties("reviewdesk.reveal")
public record RevealProperties(@DefaultValue("50") @Min(1) int perUserPerDay) {
}
