package org.reviewdesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.rules.TestCalendars;
import org.reviewdesk.rules.WorkingDayCalendar;

/**
 * One setting, {@code reviewdesk.calendar.zone}, decides the day of every figure: at 15:30 UTC on a
 * Friday it is still Friday in Shanghai but already Saturday in Tokyo, and display, due windows and
 * working days all move together (case numbers: {@code RegistrationNumberZoneTest}).
 */
class BusinessZoneTest {

    static final Instant FRIDAY_1530_UTC = Instant.parse("2026-12-04T15:30:00Z");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static BusinessTime time(ZoneId zone) {
        return new BusinessTime(Clock.fixed(FRIDAY_1530_UTC, zone), zone);
    }

    @Test
    void displayAndTodayFollowTheZone() {
        OffsetDateTime now = OffsetDateTime.parse("2026-12-04T15:30:00Z");

        assertThat(time(SHANGHAI).minute(now)).isEqualTo("2026-12-04 23:30");
        assertThat(time(TOKYO).minute(now)).isEqualTo("2026-12-05 00:30");
        assertThat(time(SHANGHAI).today()).hasToString("2026-12-04");
        assertThat(time(TOKYO).today()).hasToString("2026-12-05");
    }

    @Test
    void dueTodayEndsAtMidnightOfTheZone() {
        OffsetDateTime now = OffsetDateTime.parse("2026-12-04T15:30:00Z");
        WorkingDayCalendar shanghai = TestCalendars.at(FRIDAY_1530_UTC, SHANGHAI);
        WorkingDayCalendar tokyo = TestCalendars.at(FRIDAY_1530_UTC, TOKYO);

        assertThat(DueWindow.TODAY.bounds(0, shanghai, now).before().toInstant()).isEqualTo("2026-12-04T16:00:00Z");
        assertThat(DueWindow.TODAY.bounds(0, tokyo, now).before().toInstant()).isEqualTo("2026-12-05T15:00:00Z");
    }

    @Test
    void workingDaysLeftCountFromTheZonesToday() {
        Instant thursday1530Utc = Instant.parse("2026-12-03T15:30:00Z");
        OffsetDateTime now = OffsetDateTime.parse("2026-12-03T15:30:00Z");
        OffsetDateTime dueThursdayEvening = OffsetDateTime.parse("2026-12-03T14:00:00Z");

        assertThat(SlaBadge.daysLeft(dueThursdayEvening, TestCalendars.at(thursday1530Utc, SHANGHAI), now))
                .as("due today, a Thursday, in Shanghai").isZero();
        assertThat(SlaBadge.daysLeft(dueThursdayEvening, TestCalendars.at(thursday1530Utc, TOKYO), now))
                .as("due yesterday in Tokyo, where it is Friday already").isEqualTo(-1);
    }
}
