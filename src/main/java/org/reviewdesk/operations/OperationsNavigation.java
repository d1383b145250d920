package org.reviewdesk.operations;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.reviewdesk.platform.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OperationsNavigation {

    @Bean
    NavigationEntry operationsEntry() {
        return new NavigationEntry(930, "operations.nav", VaadinIcon.WRENCH, OperationsView.class);
    }
}
