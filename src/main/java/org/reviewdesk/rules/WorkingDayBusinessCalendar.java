package org.reviewdesk.rules;

import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * One of Camunda's business calendars ("dueDate" or "duration") that also understands
 * {@code P<n>WD}; see {@link WorkingDayBusinessCalendarPlugin} for the syntax.
 */
final class WorkingDayBusinessCalendar implements BusinessCalendar {

    static final Pattern WORKING_DAYS = Pattern.compile("P(\\d{1,4})WD");

    private final BusinessCalendar engineDefault;
    private final WorkingDayCalendar calendar;

    WorkingDayBusinessCalendar(BusinessCalendar engineDefault, WorkingDayCalendar calendar) {
        this.engineDefault = engineDefault;
        this.calendar = calendar;
    }

    @Override
    public Date resolveDuedate(String duedate) {
        return resolveDuedate(duedate, (Date) null);
    }

    @Override
    public Date resolveDuedate(String duedate, Task task) {
        Matcher workingDays = WORKING_DAYS.matcher(duedate.strip());
        return workingDays.matches() ? afterWorkingDays(workingDays, null) : engineDefault.resolveDuedate(duedate, task);
    }

    @Override
    public Date resolveDuedate(String duedate, Date startDate) {
        Matcher workingDays = WORKING_DAYS.matcher(duedate.strip());
        return workingDays.matches() ? afterWorkingDays(workingDays, startDate) : engineDefault.resolveDuedate(duedate, startDate);
    }

    /** From the engine's clock, like the engine's own calendars, so tests and timers agree. */
    private Date afterWorkingDays(Matcher workingDays, Date startDate) {
        Date start = startDate != null ? startDate : ClockUtil.getCurrentTime();
        int count = Integer.parseInt(workingDays.group(1));
        return Date.from(calendar.addWorkingDays(start.toInstant().atZone(calendar.zone()), count).toInstant());
    }
}
