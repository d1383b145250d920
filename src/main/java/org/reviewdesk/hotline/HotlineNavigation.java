package org.reviewdesk.hotline;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.reviewdesk.platform.LandingPage;
import org.reviewdesk.platform.NavigationEntry;
import org.reviewdesk.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HotlineNavigation {

    @Bean
    NavigationEntry hotlineCaseScreenNavigation() {
        return new NavigationEntry(300, "hotline.nav.caseScreen", VaadinIcon.HEADSET, HotlineHomeView.class);
    }

    @Bean
    NavigationEntry hotlineSupervisionNavigation() {
        return new NavigationEntry(320, "hotline.nav.supervision", VaadinIcon.CHART, HotlineSupervisionView.class);
    }

    @Bean
    LandingPage hotlineLanding() {
        return new LandingPage(Role.HOTLINE_AGENT, HotlineHomeView.class);
    }
}
