package org.reviewdesk.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.reviewdesk.platform.OperatorWarning;
import org.reviewdesk.platform.OperatorWarningSource;
import org.springframework.stereotype.Component;

/**
 * Tells operators when the holiday data runs out, and when a deadline was computed for a year
 * the data does not hold. Reads only the database and the data package, so every node says the
 * same.
 */
@Component
class CalendarDataWarnings implements OperatorWarningSource {

    private final WorkingDayCalendar calendar;
    private final CalendarProperties properties;

    CalendarDataWarnings(WorkingDayCalendar calendar, CalendarProperties properties) {
        this.calendar = calendar;
        this.properties = properties;
    }

    @Override
    public List<OperatorWarning> currentWarnings() {
        List<OperatorWarning> warnings = new ArrayList<>();
        LocalDate today = calendar.today();
        int lastYearKnown = calendar.lastYearKnown();
        LocalDate dataEnd = LocalDate.of(lastYearKnown, 12, 31);
        if (today.isAfter(dataEnd)) {
            warnings.add(OperatorWarning.of("rules.calendar.warning.dataEnded", String.valueOf(lastYearKnown)));
        } else if (today.plusDays(properties.warnDaysBeforeDataEnd()).isAfter(dataEnd)) {
            warnings.add(OperatorWarning.of("rules.calendar.warning.dataEndsSoon", String.valueOf(lastYearKnown),
                    String.valueOf(ChronoUnit.DAYS.between(today, dataEnd)), String.valueOf(lastYearKnown + 1)));
        }
        for (YearBeyondData year : calendar.yearsAskedForWithoutData()) {
            warnings.add(OperatorWarning.of("rules.calendar.warning.datesBeyondData", String.valueOf(year.year()),
                    year.firstAskedDay().toString(), String.valueOf(calendar.lastYearCovered())));
        }
        return warnings;
    }
}
