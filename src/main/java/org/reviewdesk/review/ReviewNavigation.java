package org.reviewdesk.review;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.reviewdesk.platform.LandingPage;
import org.reviewdesk.platform.NavigationEntry;
import org.reviewdesk.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReviewNavigation {

    @Bean
    NavigationEntry workNavigation() {
        return new NavigationEntry(100, "review.nav.overview", VaadinIcon.DASHBOARD, WorkOverviewView.class);
    }

    @Bean
    NavigationEntry inboxNavigation() {
        return new NavigationEntry(110, "review.nav.inbox", VaadinIcon.INBOX, InboxView.class);
    }

    /** Every case of the processes the user works, in any state (the inbox lists open tasks only). */
    @Bean
    NavigationEntry casesNavigation() {
        return new NavigationEntry(115, "review.nav.cases", VaadinIcon.SEARCH, CaseSearchView.class);
    }

    @Bean
    NavigationEntry reasonsNavigation() {
        return new NavigationEntry(940, "review.nav.reasons", VaadinIcon.LIST_UL, DecisionReasonsView.class);
    }

    @Bean
    LandingPage reviewerLanding() {
        return new LandingPage(Role.REVIEWER, WorkOverviewView.class);
    }

    /** 承办人员 start in the inbox, where their unit's work orders wait. */
    @Bean
    LandingPage handlerLanding() {
        return new LandingPage(Role.HANDLER, InboxView.class);
    }

    @Bean
    LandingPage supervisorLanding() {
        return new LandingPage(Role.SUPERVISOR, WorkOverviewView.class);
    }
}
