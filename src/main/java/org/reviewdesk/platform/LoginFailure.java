package org.reviewdesk.platform;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A failed sign-in goes back to the form as before ({@code /login?error}, the reason in the session),
 * and keeps the user name typed, so only the password is typed again (issue 14 item 19). The name
 * stays in this browser's own session, never in the address.
 */
class LoginFailure extends SimpleUrlAuthenticationFailureHandler {

    static final String TYPED_USERNAME = LoginFailure.class.getName() + ".username";

    LoginFailure() {
        super("/login?error");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        String typed = request.getParameter("username");
        // only what could be a user name at all: the page shows it back
        if (StaffUsernames.isValid(StaffUsernames.normalise(typed))) {
            request.getSession().setAttribute(TYPED_USERNAME, typed.strip());
        }
        super.onAuthenticationFailure(request, response, exception);
    }
}
