package org.reviewdesk.platform;

import java.util.UUID;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password check of the staff sign-in. One instance, a bean, so that {@link #warmUp()} prepares
 * the very provider the login form uses.
 */
final class StaffPasswords {

    /** Fails {@link StaffUsernames#isValid}: no account can have it, so the warm-up never checks a real one. */
    static final String NO_SUCH_USER = "-warm-up-";

    private final DaoAuthenticationProvider provider;

    StaffPasswords(UserDetailsService users, PasswordEncoder encoder) {
        provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        // the account's state only after the password: a disabled account answers like a wrong password,
        // in the same time (the login page shows one message for both)
        provider.setPreAuthenticationChecks(user -> { });
        provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
    }

    DaoAuthenticationProvider provider() {
        return provider;
    }

    /**
     * One sign-in of a name nobody has, as an unknown name is checked: the directory's lookup, then bcrypt
     * against the provider's stand-in hash. Spring makes that stand-in (a bcrypt encoding) on the
     * provider's first sign-in, unguarded: ten sign-ins arriving together on a cold node each made it,
     * two bcrypt runs per sign-in in the interpreter and C1 code instead of one (docs/load.md "Cold
     * sign-ins"). Made here once, with bcrypt's loops compiled on the way; the hash strength is the
     * encoder's, unchanged.
     */
    void warmUp() {
        try {
            provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(NO_SUCH_USER, UUID.randomUUID().toString()));
            throw new IllegalStateException("The warm-up's name " + NO_SUCH_USER + " signed in");
        } catch (AuthenticationException expected) {
            // an unknown name fails, as it should; only the work on the way mattered
        }
    }
}
