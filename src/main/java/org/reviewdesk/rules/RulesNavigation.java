package org.reviewdesk.rules;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.reviewdesk.platform.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RulesNavigation {

    @Bean
    NavigationEntry calendarNavigation() {
        return new NavigationEntry(920, "rules.calendar.admin.nav", VaadinIcon.CALENDAR, CalendarAdminView.class);
    }
}
