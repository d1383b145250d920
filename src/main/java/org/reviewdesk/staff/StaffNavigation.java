package org.reviewdesk.staff;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.reviewdesk.platform.LandingPage;
import org.reviewdesk.platform.NavigationEntry;
import org.reviewdesk.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StaffNavigation {

    @Bean
    NavigationEntry adminNavigation() {
        return new NavigationEntry(900, "staff.nav.admin", VaadinIcon.COG, AdminHomeView.class);
    }

    @Bean
    NavigationEntry usersNavigation() {
        return new NavigationEntry(910, "staff.nav.users", VaadinIcon.USERS, UserAdminView.class);
    }

    @Bean
    NavigationEntry unitsNavigation() {
        return new NavigationEntry(915, "staff.nav.units", VaadinIcon.SITEMAP, HandlingUnitsView.class);
    }

    @Bean
    LandingPage adminLanding() {
        return new LandingPage(Role.ADMIN, AdminHomeView.class);
    }
}
