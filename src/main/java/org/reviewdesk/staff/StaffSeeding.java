package org.reviewdesk.staff;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.reviewdesk.platform.DemoData;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * The first users. On the embedded default: the demo users of the README. In production: only
 * the administrator named by REVIEWDESK_ADMIN_USERNAME / REVIEWDESK_ADMIN_PASSWORD, and only
 * while nobody exists yet. Several nodes may start at once: a lost race is not an error.
 */
@Component
class StaffSeeding implements ApplicationRunner {

    /** Shared by the demo users; documented in the README, never used outside the demo. */
    static final String DEMO_PASSWORD = "ReviewDesk2026";

    static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("admin", "系统管理员 赵敏", EnumSet.of(Role.ADMIN)),
            new DemoUser("reviewer", "审核员 王芳", EnumSet.of(Role.REVIEWER)),
            new DemoUser("reviewer2", "审核员 李强", EnumSet.of(Role.REVIEWER)),
            new DemoUser("supervisor", "审核主管 陈静", EnumSet.of(Role.SUPERVISOR, Role.REVIEWER)),
            new DemoUser("hotline", "12345话务员 刘洋", EnumSet.of(Role.HOTLINE_AGENT)),
            new DemoUser("window", "窗口人员 周婷", EnumSet.of(Role.WINDOW_CLERK)),
            new DemoUser("handler", "承办人员 孙磊", EnumSet.of(Role.HANDLER)));

    /** The demo handling unit, the 统一身份认证 account team; the demo handler is its member. */
    static final String DEMO_UNIT = "ACCOUNT_TEAM";

    private static final Logger log = LoggerFactory.getLogger(StaffSeeding.class);

    private final StaffDirectory directory;
    private final HandlingUnits units;
    private final DemoData demoData;
    private final String adminUsername;
    private final String adminPassword;

    StaffSeeding(StaffDirectory directory, HandlingUnits units, DemoData demoData,
                 @Value("${reviewdesk.admin.username:}") String adminUsername,
                 @Value("${reviewdesk.admin.password:}") String adminPassword) {
        this.directory = directory;
        this.units = units;
        this.demoData = demoData;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!directory.isEmpty()) {
            return;
        }
        if (demoData.enabled()) {
            DEMO_USERS.forEach(u -> create(u.username(), u.displayName(), DEMO_PASSWORD, u.roles()));
            try {
                units.seed(DEMO_UNIT, "统一身份认证平台账号组", "Identity platform account team", List.of("handler"));
            } catch (DataIntegrityViolationException anotherNodeWasFaster) {
                log.info("Unit '{}' was created by another node", DEMO_UNIT);
            }
            log.warn("Seeded demo users {} with the demo password from the README: not for production",
                    DEMO_USERS.stream().map(DemoUser::username).toList());
        } else if (!adminUsername.isBlank()) {
            create(adminUsername, "Administrator", adminPassword, EnumSet.of(Role.ADMIN));
            log.info("Created the first administrator '{}'", adminUsername);
        } else {
            log.warn("No staff user exists and REVIEWDESK_ADMIN_USERNAME is not set: nobody can sign in");
        }
    }

    private void create(String username, String displayName, String password, Set<Role> roles) {
        try {
            directory.createAtStartup(username, displayName, password, roles);
        } catch (DataIntegrityViolationException anotherNodeWasFaster) {
            log.info("User '{}' was created by another node", username);
        } catch (UserFacingException refused) {
            if (!"staff.error.usernameTaken".equals(refused.messageKey())) {
                // e.g. a weak REVIEWDESK_ADMIN_PASSWORD: fail the start rather than run with no way in
                throw new IllegalStateException("Cannot create user '" + username + "': " + refused.messageKey(), refused);
            }
        }
    }

    record DemoUser(String username, String displayName, Set<Role> roles) {
    }
}
