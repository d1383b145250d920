package org.reviewdesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Days and weeks in China's time, whatever the server's zone: a UTC clock shows the boundaries. */
class DecisionPeriodTest {

    private static DecisionPeriod at(String instant) {
        return DecisionPeriod.at(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), java.time.ZoneId.of("Asia/Shanghai"));
    }

    private static Instant china(String local) {
        return OffsetDateTime.parse(local + "+08:00").toInstant();
    }

    @Test
    void halfPastMidnightOnMondayInBeijingIsStillSundayInUtcButANewDayAndWeek() {
        DecisionPeriod period = at("2026-11-29T16:30:00Z"); // Monday 30 November, 00:30 in Beijing

        assertThat(period.dayStart()).isEqualTo(china("2026-11-30T00:00:00"));
        assertThat(period.dayEnd()).isEqualTo(china("2026-12-01T00:00:00"));
        assertThat(period.weekStart()).isEqualTo(china("2026-11-30T00:00:00"));
        assertThat(period.weekEnd()).isEqualTo(china("2026-12-07T00:00:00"));
    }

    @Test
    void lateOnSundayBelongsToTheWeekThatBeganOnMonday() {
        DecisionPeriod period = at("2026-11-29T15:59:00Z"); // Sunday 29 November, 23:59 in Beijing

        assertThat(period.dayStart()).isEqualTo(china("2026-11-29T00:00:00"));
        assertThat(period.weekStart()).isEqualTo(china("2026-11-23T00:00:00"));
        assertThat(period.weekEnd()).isEqualTo(china("2026-11-30T00:00:00"));
    }
}
