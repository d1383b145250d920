package org.reviewdesk.platform;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.security.web.WebAttributes;

/** Staff sign-in. Spring Security handles the POST to /login; this view shows the form and why a login failed. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();
    private final Paragraph hint = new Paragraph();
    private LoginI18n shownI18n;
    private String keptUsername;

    private final Clock clock;

    public LoginView(Clock clock) {
        this.clock = clock;
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        show(i18n(null));

        H1 product = new H1(getTranslation("platform.product.name"));
        product.addClassName("login-product");
        Paragraph tagline = new Paragraph(getTranslation("platform.product.tagline"));
        tagline.addClassName("login-tagline");
        hint.setText(getTranslation("platform.login.hint"));
        hint.addClassName("login-hint");

        // applicants who land here by mistake: the public pages (by path: platform knows no capability)
        Div applicantLinks = new Div(new Anchor("apply", getTranslation("applicant.login.apply")),
                new Anchor("status", getTranslation("applicant.login.status")));
        applicantLinks.addClassName("login-applicant-links");

        Div card = new Div(product, tagline, form, hint, applicantLinks, new LanguageSwitch());
        card.addClassName("login-card");
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            return;
        }
        Object failure = VaadinSession.getCurrent().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        show(i18n(failure));
        form.setError(true);
        if (VaadinSession.getCurrent().getSession().getAttribute(ThrottledAuthenticationProvider.TYPED_USERNAME) instanceof String typed) {
            keepUsername(typed);
        }
    }

    /**
     * The name typed before the failure goes back into the form, and the cursor into the password.
     * The form's fields exist only once the web component has drawn itself, so this waits a few frames.
     */
    private void keepUsername(String typed) {
        keptUsername = typed;
        form.getElement().executeJs("""
                const form = this;
                let frames = 0;
                const fill = () => {
                  const username = form.querySelector('vaadin-text-field[name="username"]');
                  const password = form.querySelector('vaadin-password-field[name="password"]');
                  if (!username || !password) {
                    if (frames++ < 100) requestAnimationFrame(fill);
                    return;
                  }
                  username.value = $0;
                  password.focus();
                };
                customElements.whenDefined('vaadin-login-form').then(fill);""", typed);
    }

    /** The user name put back into the form after a failure, if any. */
    String keptUsername() {
        return keptUsername;
    }

    private void show(LoginI18n i18n) {
        shownI18n = i18n;
        form.setI18n(i18n);
    }

    /** The texts the form shows now (LoginForm keeps its own getter package-private). */
    LoginI18n shownI18n() {
        return shownI18n;
    }

    private LoginI18n i18n(Object failure) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form f = i18n.getForm();
        f.setTitle(getTranslation("platform.login.title"));
        f.setUsername(getTranslation("platform.login.username"));
        f.setPassword(getTranslation("platform.login.password"));
        f.setSubmit(getTranslation("platform.login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setUsername(getTranslation("platform.login.usernameRequired"));
        error.setPassword(getTranslation("platform.login.passwordRequired"));
        if (failure instanceof LoginThrottledException throttled) {
            long minutes = Math.max(1, Duration.between(OffsetDateTime.now(clock), throttled.lockedUntil()).toMinutes() + 1);
            error.setTitle(getTranslation("platform.login.throttled.title"));
            error.setMessage(getTranslation("platform.login.throttled.message", minutes));
        } else {
            // a disabled account gets the wrong password's message: the page does not tell which accounts exist
            error.setTitle(getTranslation("platform.login.failed.title"));
            error.setMessage(getTranslation("platform.login.failed.message"));
        }
        return i18n;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("platform.login.title") + " · " + getTranslation("platform.product.name");
    }
}
