package org.reviewdesk;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.Theme;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Review Desk: the manual review back office of the unified identity platform.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Theme("review-desk")
@Push
public class ReviewDeskApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(ReviewDeskApplication.class, args);
    }
}
