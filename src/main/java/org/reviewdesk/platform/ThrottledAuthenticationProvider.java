package org.reviewdesk.platform;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password login with throttling. The username is normalised once ({@link StaffUsernames}) for the
 * throttle and the lookup alike; a name no user can have is refused before anything is counted.
 * Every other attempt is counted before the password is checked, so parallel guesses cannot
 * outrun the count, and a locked account or address is refused without looking at the password.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    static final String TYPED_USERNAME = ThrottledAuthenticationProvider.class.getName() + ".typedUsername";


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
        String username = StaffUsernames.normalise(authentication.getName());
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        if (!StaffUsernames.isValid(username)) {
            throw new BadCredentialsException("no such username can exist");
        }
        AttemptThrottle.Attempt attempt = throttle.attempt(username, address);
        if (!attempt.allowed()) {
            audit.recordNow(username, "LOGIN_THROTTLED", null, "address=" + address);
            throw new LoginThrottledException(attempt.lockedUntil());
        }
        UsernamePasswordAuthenticationToken normalised = UsernamePasswordAuthenticationToken.unauthenticated(
                username, authentication.getCredentials());
        normalised.setDetails(authentication.getDetails());
        try {
            Authentication result = passwords.authenticate(normalised);
            throttle.recordSuccess(username, address);
            audit.recordNow(username, "LOGIN", null, "address=" + address);
            return result;
        } catch (AuthenticationException e) {
            audit.recordNow(username, "LOGIN_FAILED", null, "address=" + address + " reason=" + e.getClass().getSimpleName());
            keepTypedName(authentication.getName());
            throw e;
        }
    }

    /**
     * The login form shows the name typed back after a failure (issue 14 item 19), so only the password
     * is typed again. It stays in this browser's own session, never in the address.
     */
    private static void keepTypedName(String typed) {
        if (typed != null && StaffUsernames.isValid(StaffUsernames.normalise(typed))
                && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            request.getRequest().getSession().setAttribute(TYPED_USERNAME, typed.strip());
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
