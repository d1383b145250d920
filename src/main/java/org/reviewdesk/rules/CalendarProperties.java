package org.reviewdesk.rules;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param warnDaysBeforeDataEnd how long before the holiday data runs out operators are warned
 * (The zone the days are reckoned in, {@code reviewdesk.calendar.zone}, is the platform's {@code BusinessTime}.)
 */
@ConfigurationProperties(prefix = "reviewdesk.calendar")
record CalendarProperties(@DefaultValue("60") int warnDaysBeforeDataEnd) {
}
