package org.reviewdesk.platform;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The one time zone of the business ({@code reviewdesk.calendar.zone}, China's by default: where the
 * staff, the applicants and the statutory holidays are) with the application's clock, and the one way
 * a moment or a day is shown. Case numbers, due windows, working days, "today" and every time on a
 * screen, in a message or on a receipt are reckoned here, so they agree whatever the server's zone.
 */
public final class BusinessTime {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final Clock clock;
    private final ZoneId zone;

    public BusinessTime(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public Clock clock() {
        return clock;
    }

    /** Now, as an offset time (the database's type), in the business zone. */
    public OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(zone));
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public ZonedDateTime inZone(OffsetDateTime time) {
        return time.atZoneSameInstant(zone);
    }

    /** The business day a moment falls on. */
    public LocalDate dayOf(OffsetDateTime time) {
        return inZone(time).toLocalDate();
    }

    /** A moment as every screen and message shows it, to the minute ({@code 2026-12-04 09:30}); empty for none. */
    public String minute(OffsetDateTime time) {
        return time == null ? "" : MINUTE.format(inZone(time));
    }

    /** The day of a moment as shown ({@code 2026-12-04}); empty for none. */
    public String day(OffsetDateTime time) {
        return time == null ? "" : DAY.format(inZone(time));
    }

    /** A day as shown; empty for none. */
    public static String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }
}
