package org.reviewdesk;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * What the test classes of {@link ApplicationTest} share beyond their one context, put back before
 * every test:
 * <ul>
 * <li>{@link SecurityContextHolder}'s strategy is static, and Vaadin installs its own when a context
 * starts: after another context in the same JVM (a PostgreSQL test's) started, the server's filters
 * would read that context's holder and see every signed-in request as anonymous;</li>
 * <li>the staff members' language choices: a journey that switched "supervisor" to English would
 * otherwise show the next class's Chinese journey in English.</li>
 * </ul>
 */
class SharedContextReset implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        SecurityContextHolder.setContextHolderStrategy(application.getBean(VaadinAwareSecurityContextHolderStrategy.class));
        application.getBean(JdbcClient.class).sql("delete from staff_language").update();
    }
}
