package org.reviewdesk.review;

import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.rules.WorkingDayCalendar;

/**
 * The due date of a task with the working days left: calm while there is time, amber on the last
 * working day, red once past. Counted in China's calendar (statutory holidays and 调休), by day.
 */
class SlaBadge extends Span {


    enum Level { NONE, CALM, CLOSE, LATE }

    SlaBadge(OffsetDateTime dueAt, WorkingDayCalendar calendar, BusinessTime time) {
        OffsetDateTime now = time.now();
        addClassName("sla-badge");
        Level level = level(dueAt, calendar, now);
        addClassName("sla-badge--" + level.name().toLowerCase(java.util.Locale.ROOT));
        getElement().setAttribute("data-level", level.name());
        if (dueAt == null) {
            setText(getTranslation("review.inbox.sla.none"));
            return;
        }
        int left = daysLeft(dueAt, calendar, now);
        Span date = new Span(time.day(dueAt));
        date.addClassName("sla-badge__date");
        Span days = new Span(level == Level.LATE
                ? getTranslation("review.inbox.sla.late", Math.max(1, -left))
                : left == 0 ? getTranslation("review.inbox.sla.today")
                : getTranslation("review.inbox.sla.left", left));
        days.addClassName("sla-badge__days");
        add(date, days);
        setTitle(getTranslation("review.inbox.sla.dueAt", time.minute(dueAt)));
    }

    /** Working days from today to the due day (0 on the due day, negative once past). */
    static int daysLeft(OffsetDateTime dueAt, WorkingDayCalendar calendar, OffsetDateTime now) {
        LocalDate today = now.atZoneSameInstant(calendar.zone()).toLocalDate();
        LocalDate due = dueAt.atZoneSameInstant(calendar.zone()).toLocalDate();
        return calendar.workingDaysBetween(today, due);
    }

    static Level level(OffsetDateTime dueAt, WorkingDayCalendar calendar, OffsetDateTime now) {
        if (dueAt == null) {
            return Level.NONE;
        }
        if (dueAt.isBefore(now)) {
            return Level.LATE;
        }
        return daysLeft(dueAt, calendar, now) <= 1 ? Level.CLOSE : Level.CALM;
    }
}
