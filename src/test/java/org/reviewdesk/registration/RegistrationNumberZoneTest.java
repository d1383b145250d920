package org.reviewdesk.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** An application number carries the day of the business zone ({@code reviewdesk.calendar.zone}), not the server's. */
class RegistrationNumberZoneTest {

    @Test
    void theNumbersDayIsTheZonesDay() {
        OffsetDateTime created = OffsetDateTime.parse("2026-12-04T15:30:00Z");

        assertThat(RegistrationService.number(created, 42, ZoneId.of("Asia/Shanghai"))).isEqualTo("RD20261204000042");
        assertThat(RegistrationService.number(created, 42, ZoneId.of("Asia/Tokyo"))).isEqualTo("RD20261205000042");
    }
}
