package org.reviewdesk.platform;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether to seed demo users and data: {@code REVIEWDESK_DEMO_DATA=true|false}, or "auto" (the
 * default), which seeds only the embedded H2 database, so a production PostgreSQL never gets
 * demo logins by accident.
 */
@Component
public class DemoData {

    private final boolean enabled;

    DemoData(@Value("${reviewdesk.demo-data:auto}") String setting, DataSource dataSource) {
        this.enabled = switch (setting.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "on", "yes" -> true;
            case "false", "off", "no" -> false;
            default -> isH2(dataSource);
        };
    }

    public boolean enabled() {
        return enabled;
    }

    private static boolean isH2(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return "H2".equalsIgnoreCase(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            return false;
        }
    }
}
