package org.reviewdesk.rules;

import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Lets BPMN models write due dates and timers in Chinese working days.
 *
 * <h2>Syntax: {@code P<n>WD}</h2>
 * {@code P3WD} means "3 working days" (n: 0 to 9999, digits only, upper case, nothing else in
 * the value). It is accepted wherever the engine resolves a date from text:
 * <ul>
 *   <li>a user task's {@code camunda:dueDate} and {@code camunda:followUpDate}
 *       (e.g. {@code camunda:dueDate="P3WD"} or an expression that yields {@code "P3WD"});</li>
 *   <li>a timer's {@code timeDuration} and {@code timeDate}.</li>
 * </ul>
 * Not in a {@code timeCycle} ({@code R3/P1WD} is refused by the engine's cycle calendar).
 *
 * <p>Meaning: counting starts with the next working day after the moment the task or timer is
 * created (from a Saturday, {@code P1WD} is Monday), and the result keeps that time of day in
 * China (Asia/Shanghai): created 2026-09-30 10:00, {@code P3WD} is due 2026-10-10 10:00
 * (1-7 October are the National Day holiday, Saturday 10 October is an adjusted working day).
 * {@code P0WD} is the moment of creation. Working days are those of {@link WorkingDayCalendar}.
 *
 * <p>Every other value (ISO 8601 durations such as {@code P2D} or {@code PT4H}, ISO date-times)
 * goes to the engine's own calendars unchanged.
 */
@Component
class WorkingDayBusinessCalendarPlugin extends AbstractProcessEnginePlugin {

    private final WorkingDayCalendar calendar;

    WorkingDayBusinessCalendarPlugin(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    /** After init, so the engine's own calendars (and any another plugin set) exist to be wrapped. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        BusinessCalendarManager engineCalendars = configuration.getBusinessCalendarManager();
        BusinessCalendar dueDate = new WorkingDayBusinessCalendar(
                engineCalendars.getBusinessCalendar(DueDateBusinessCalendar.NAME), calendar);
        BusinessCalendar duration = new WorkingDayBusinessCalendar(
                engineCalendars.getBusinessCalendar(DurationBusinessCalendar.NAME), calendar);
        configuration.setBusinessCalendarManager(name -> {
            if (DueDateBusinessCalendar.NAME.equals(name)) {
                return dueDate;
            }
            return DurationBusinessCalendar.NAME.equals(name) ? duration : engineCalendars.getBusinessCalendar(name);
        });
    }
}
