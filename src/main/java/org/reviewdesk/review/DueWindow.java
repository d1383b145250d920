package org.reviewdesk.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.reviewdesk.rules.WorkingDayCalendar;

/**
 * The inbox's due-date filter, in China's working days. A saved filter keeps the window, not its
 * dates, so "due today" means today whenever it is applied. The windows do not overlap: a task due
 * earlier today is overdue, not due today.
 */
enum DueWindow {
    ANY, OVERDUE, TODAY, WORKING_DAYS;

    static final int MAX_WORKING_DAYS = 30;

    /** Due at or after {@code from} and before {@code before}; a null end is open. */
    record Bounds(OffsetDateTime from, OffsetDateTime before) {
    }

    /**
     * @param workingDays for {@link #WORKING_DAYS}: due by the end of the n-th working day after today
     *     (1 to {@link #MAX_WORKING_DAYS}; 0 is today)
     */
    Bounds bounds(int workingDays, WorkingDayCalendar calendar, OffsetDateTime now) {
        LocalDate today = now.atZoneSameInstant(calendar.zone()).toLocalDate();
        return switch (this) {
            case ANY -> new Bounds(null, null);
            case OVERDUE -> new Bounds(null, now);
            case TODAY -> new Bounds(now, startOf(today.plusDays(1), calendar, now));
            case WORKING_DAYS -> {
                int n = Math.max(0, Math.min(workingDays, MAX_WORKING_DAYS));
                yield new Bounds(now, startOf(calendar.addWorkingDays(today, n).plusDays(1), calendar, now));
            }
        };
    }

    String messageKey() {
        return "review.inbox.due." + name();
    }

    private static OffsetDateTime startOf(LocalDate day, WorkingDayCalendar calendar, OffsetDateTime like) {
        return day.atStartOfDay(calendar.zone()).toOffsetDateTime().withOffsetSameInstant(like.getOffset());
    }
}
