package org.reviewdesk.platform;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in staff member, from the security context (never from a request parameter). */
public record CurrentUser(String username, String displayName, Set<Role> roles) {

    /** A user known only by username (tests, system actors): the name shown is the username. */
    public CurrentUser(String username, Set<Role> roles) {
        this(username, username, roles);
    }

    public static Optional<CurrentUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())) {
            return Optional.empty();
        }
        Set<Role> roles = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .flatMap(a -> Arrays.stream(Role.values()).filter(r -> r.authority().equals(a)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        String displayName = auth.getPrincipal() instanceof StaffPrincipal staff ? staff.displayName() : auth.getName();
        return Optional.of(new CurrentUser(auth.getName(), displayName, roles));
    }

    /** For service methods: the caller, or an access-denied failure. */
    public static CurrentUser require() {
        return get().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("not signed in"));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public void requireRole(Role role) {
        if (!has(role)) {
            throw new org.springframework.security.access.AccessDeniedException(username + " lacks role " + role);
        }
    }
}
