package org.reviewdesk.accounts;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.reviewdesk.platform.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccountsNavigation {

    @Bean
    NavigationEntry accountImportNavigation() {
        return new NavigationEntry(915, "accounts.nav.import", VaadinIcon.UPLOAD, AccountImportView.class);
    }
}
