package org.reviewdesk.window;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.reviewdesk.platform.LandingPage;
import org.reviewdesk.platform.NavigationEntry;
import org.reviewdesk.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WindowNavigation {

    @Bean
    NavigationEntry windowDeskNavigation() {
        return new NavigationEntry(200, "window.nav", VaadinIcon.OFFICE, WindowView.class);
    }

    @Bean
    LandingPage windowLanding() {
        return new LandingPage(Role.WINDOW_CLERK, WindowView.class);
    }
}
