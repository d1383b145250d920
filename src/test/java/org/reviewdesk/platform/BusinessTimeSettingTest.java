package org.reviewdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code reviewdesk.calendar.zone} (env {@code REVIEWDESK_CALENDAR_ZONE}) reaches the one
 * {@link BusinessTime} every service and view takes; what follows from it (case numbers, due windows,
 * working days) is shown moving with the zone in {@code BusinessZoneTest} and {@code RegistrationNumberZoneTest}.
 */
class BusinessTimeSettingTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(PlatformConfiguration.class);

    @Test
    void chinaByDefault() {
        context.run(beans -> assertThat(beans.getBean(BusinessTime.class).zone()).isEqualTo(ZoneId.of("Asia/Shanghai")));
    }

    @Test
    void theSettingMovesTheDayAndTheTimeShown() {
        context.withPropertyValues("reviewdesk.calendar.zone=Asia/Tokyo").run(beans -> {
            BusinessTime configured = beans.getBean(BusinessTime.class);
            assertThat(configured.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
            // 23:30 on Friday in Shanghai is 00:30 on Saturday in Tokyo
            BusinessTime atFridayNight = new BusinessTime(Clock.fixed(Instant.parse("2026-12-04T15:30:00Z"),
                    ZoneId.of("UTC")), configured.zone());
            assertThat(atFridayNight.today()).hasToString("2026-12-05");
            assertThat(atFridayNight.minute(OffsetDateTime.parse("2026-12-04T15:30:00Z"))).isEqualTo("2026-12-05 00:30");
            assertThat(atFridayNight.day(OffsetDateTime.parse("2026-12-04T15:30:00+00:00"))).isEqualTo("2026-12-05");
        });
    }
}
