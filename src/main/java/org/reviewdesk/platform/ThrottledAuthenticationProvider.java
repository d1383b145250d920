package org.reviewdesk.platform;

import java.time.OffsetDateTime;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password login with throttling: a locked account or address is refused before the password
 * is even checked (so a locked account cannot be probed), and every failure is counted.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    ThrottledAuthenticationProvider(DaoAuthenticationProvider passwords, LoginThrottle throttle, AuditLog audit) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        OffsetDateTime lockedUntil = throttle.lockedUntil(username, address).orElse(null);
        if (lockedUntil != null) {
            audit.recordNow(username, "LOGIN_THROTTLED", null, "address=" + address);
            throw new LoginThrottledException(lockedUntil);
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.recordSuccess(username);
            audit.recordNow(username, "LOGIN", null, "address=" + address);
            return result;
        } catch (AuthenticationException e) {
            throttle.recordFailure(username, address);
            audit.recordNow(username, "LOGIN_FAILED", null, "address=" + address + " reason=" + e.getClass().getSimpleName());
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
