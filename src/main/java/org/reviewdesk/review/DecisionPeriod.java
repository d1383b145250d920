package org.reviewdesk.review;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * Today and this week as the service centre counts them: calendar days in China's time zone, weeks
 * from Monday 00:00. Half-open intervals, so a task completed at midnight counts for the new day.
 */
record DecisionPeriod(Instant dayStart, Instant dayEnd, Instant weekStart, Instant weekEnd) {

    static DecisionPeriod at(Clock clock, ZoneId zone) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new DecisionPeriod(today.atStartOfDay(zone).toInstant(), today.plusDays(1).atStartOfDay(zone).toInstant(),
                monday.atStartOfDay(zone).toInstant(), monday.plusWeeks(1).atStartOfDay(zone).toInstant());
    }
}
