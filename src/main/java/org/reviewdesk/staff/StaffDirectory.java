package org.reviewdesk.staff;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.reviewdesk.rules.TextRules;
import org.reviewdesk.platform.AuditLog;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.StaffAccounts;
import org.reviewdesk.platform.StaffUsernames;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff directory: who may sign in, with which roles. The same records give Spring Security
 * its users and the Camunda engine its groups ({@link StaffIdentityProvider}). Changes are
 * admin-only and audited.
 */
@Service
public class StaffDirectory implements UserDetailsService, StaffAccounts {

    static final Pattern USERNAME = StaffUsernames.PATTERN;
    static final int MIN_PASSWORD_LENGTH = 10;

    private final StaffUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog audit;
    private final Clock clock;

    StaffDirectory(StaffUserRepository users, PasswordEncoder passwordEncoder, AuditLog audit, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        StaffUser user = users.findByUsername(normalise(username))
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return new SignedInStaff(user.username(), user.passwordHash(), user.enabled(),
                user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList(), user.displayName());
    }

    /** For the per-request session check: no role needed, it reveals nothing to the caller. */
    @Override
    @Transactional(readOnly = true)
    public Optional<Set<Role>> activeRoles(String username) {
        return users.findByUsername(normalise(username)).filter(StaffUser::enabled).map(StaffUser::roles);
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional(readOnly = true)
    public List<StaffMember> list() {
        return users.findAllByOrderByUsername().stream().map(StaffUser::toMember).toList();
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public StaffMember create(String username, String displayName, String password, Set<Role> roles) {
        StaffMember created = createUser(username, displayName, password, roles);
        audit.record(CurrentUser.require().username(), "STAFF_CREATED", null, created.username() + " roles=" + created.roles());
        return created;
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public StaffMember setEnabled(String username, boolean enabled) {
        CurrentUser admin = CurrentUser.require();
        StaffUser user = find(username);
        if (!enabled && user.username().equals(admin.username())) {
            throw new UserFacingException("staff.error.cannotDisableSelf");
        }
        user.setEnabled(enabled);
        audit.record(admin.username(), enabled ? "STAFF_ENABLED" : "STAFF_DISABLED", null, user.username());
        return user.toMember();
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public StaffMember changeRoles(String username, Set<Role> roles) {
        CurrentUser admin = CurrentUser.require();
        StaffUser user = find(username);
        if (roles.isEmpty()) {
            throw new UserFacingException("staff.error.noRole");
        }
        if (user.username().equals(admin.username()) && !roles.contains(Role.ADMIN)) {
            throw new UserFacingException("staff.error.cannotDropOwnAdmin");
        }
        user.replaceRoles(roles);
        audit.record(admin.username(), "STAFF_ROLES_CHANGED", null, user.username() + " roles=" + roles);
        return user.toMember();
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public void resetPassword(String username, String newPassword) {
        StaffUser user = find(username);
        checkPassword(newPassword);
        user.changePasswordHash(passwordEncoder.encode(newPassword));
        audit.record(CurrentUser.require().username(), "STAFF_PASSWORD_RESET", null, user.username());
    }

    /** Whether anyone can sign in yet: seeding decides on it. */
    @Transactional(readOnly = true)
    boolean isEmpty() {
        return users.count() == 0;
    }

    /** For seeding at start-up, where no one is signed in: validated like an admin's request, audited as "system". */
    @Transactional
    StaffMember createAtStartup(String username, String displayName, String password, Set<Role> roles) {
        StaffMember created = createUser(username, displayName, password, roles);
        audit.record("system", "STAFF_CREATED", null, created.username() + " roles=" + created.roles());
        return created;
    }

    private StaffMember createUser(String username, String displayName, String password, Set<Role> roles) {
        String name = normalise(username);
        if (!USERNAME.matcher(name).matches()) {
            throw new UserFacingException("staff.error.username");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 100
                || TextRules.hasHiddenCharacters(displayName.strip())) {
            throw new UserFacingException("staff.error.displayName");
        }
        if (roles == null || roles.isEmpty()) {
            throw new UserFacingException("staff.error.noRole");
        }
        checkPassword(password);
        if (users.existsByUsername(name)) {
            throw new UserFacingException("staff.error.usernameTaken", name);
        }
        StaffUser user = new StaffUser(name, displayName.strip(), passwordEncoder.encode(password), roles, OffsetDateTime.now(clock));
        return users.saveAndFlush(user).toMember();
    }

    private StaffUser find(String username) {
        return users.findByUsername(normalise(username))
                .orElseThrow(() -> new UserFacingException("staff.error.unknownUser", username));
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH
                || password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            throw new UserFacingException("staff.error.weakPassword", MIN_PASSWORD_LENGTH);
        }
    }

    static String normalise(String username) {
        return StaffUsernames.normalise(username);
    }
}
