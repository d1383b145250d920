package org.reviewdesk.platform;

import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether to seed demo users and data: only when asked ({@code REVIEWDESK_DEMO_DATA=true}; the
 * README's {@code mvn spring-boot:run} asks through the Maven plugin). Never by default, so a bare
 * {@code java -jar} or the Docker image has no account with a published password.
 */
@Component
public class DemoData {

    private final boolean enabled;

    DemoData(@Value("${reviewdesk.demo-data:false}") String setting) {
        this.enabled = switch (setting.strip().toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes" -> true;
            default -> false;
        };
    }

    public boolean enabled() {
        return enabled;
    }
}
