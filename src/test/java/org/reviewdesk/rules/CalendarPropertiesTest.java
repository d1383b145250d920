package org.reviewdesk.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class CalendarPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CalendarProperties.class)
    static class Binding {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Binding.class);

    @Test
    void defaultsWarnSixtyDaysAhead() {
        context.run(c -> assertThat(c.getBean(CalendarProperties.class)).isEqualTo(new CalendarProperties(60)));
    }

    @Test
    void settingsAreReadFromTheCalendarPrefix() {
        context.withPropertyValues("reviewdesk.calendar.warn-days-before-data-end=30")
                .run(c -> assertThat(c.getBean(CalendarProperties.class)).isEqualTo(new CalendarProperties(30)));
    }
}
