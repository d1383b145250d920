package org.reviewdesk.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request of a signed-in staff member (Vaadin's heartbeats and UI requests included) re-reads
 * the user's enabled flag and roles from the shared database. A disabled or removed user's session
 * ends there, on whichever node the request lands; changed roles replace the session's, so the next
 * action is decided on the roles the user has now. One indexed lookup per request.
 */
class SessionRevalidation extends OncePerRequestFilter {

    private final StaffAccounts accounts;
    private final AuditLog audit;

    SessionRevalidation(StaffAccounts accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        revalidate(request);
        chain.doFilter(request, response);
    }

    private void revalidate(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return;
        }
        Optional<Set<Role>> roles = accounts.activeRoles(auth.getName());
        HttpSession session = request.getSession(false);
        if (roles.isEmpty() || roles.get().isEmpty()) {
            SecurityContextHolder.clearContext();
            if (session != null) {
                session.invalidate();
            }
            audit.recordNow(auth.getName(), "SESSION_ENDED", null, "disabled, removed or without a role");
            return;
        }
        Set<String> now = roles.get().stream().map(Role::authority).collect(Collectors.toSet());
        Set<String> held = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        if (!now.equals(held)) {
            UsernamePasswordAuthenticationToken replaced = UsernamePasswordAuthenticationToken.authenticated(
                    auth.getPrincipal(), null, now.stream().map(SimpleGrantedAuthority::new).toList());
            replaced.setDetails(auth.getDetails());
            SecurityContext changed = SecurityContextHolder.createEmptyContext();
            changed.setAuthentication(replaced);
            SecurityContextHolder.setContext(changed);
            if (session != null) {
                // the next request, push and Vaadin's background access read the context from the session
                session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, changed);
            }
            audit.recordNow(auth.getName(), "SESSION_ROLES_CHANGED", null, "roles=" + roles.get());
        }
    }
}
