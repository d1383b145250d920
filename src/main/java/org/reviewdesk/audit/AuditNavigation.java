package org.reviewdesk.audit;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.reviewdesk.platform.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditNavigation {

    @Bean
    NavigationEntry auditTrailNavigation() {
        return new NavigationEntry(935, "audit.nav", VaadinIcon.RECORDS, AuditTrailView.class);
    }
}
