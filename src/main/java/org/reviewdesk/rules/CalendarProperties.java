package org.reviewdesk.rules;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param warnDaysBeforeDataEnd how long before the holiday data runs out operators are warned
 * @param zone where "today" and the days of a date-time are reckoned: the holidays are China's
 */
@ConfigurationProperties(prefix = "reviewdesk.calendar")
record CalendarProperties(@DefaultValue("60") int warnDaysBeforeDataEnd,
                          @DefaultValue("Asia/Shanghai") ZoneId zone) {
}
