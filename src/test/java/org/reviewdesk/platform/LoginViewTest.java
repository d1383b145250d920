package org.reviewdesk.platform;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.web.WebAttributes;

/** The login view: Chinese by default, and a failed sign-in says why, in the user's language. */
class LoginViewTest extends KaribuTestSupport {

    @Test
    void theLoginFormSpeaksChineseByDefault() {
        UI.getCurrent().navigate(LoginView.class);
        LoginI18n texts = _get(LoginView.class).shownI18n();
        LoginForm form = _get(LoginForm.class);
        assertThat(texts.getForm().getTitle()).isEqualTo("工作人员登录");
        assertThat(texts.getForm().getSubmit()).isEqualTo("登录");
        assertThat(form.getAction()).isEqualTo("login");
    }

    @Test
    void aWrongPasswordIsExplained() {
        LoginI18n form = failWith(new BadCredentialsException("bad"));
        assertThat(form.getErrorMessage().getTitle()).isEqualTo("用户名或密码不正确");
    }

    @Test
    void aThrottledLoginSaysWhenToTryAgain() {
        LoginI18n form = failWith(new LoginThrottledException(OffsetDateTime.now().plusMinutes(10)));
        assertThat(form.getErrorMessage().getTitle()).isEqualTo("登录尝试过多");
        assertThat(form.getErrorMessage().getMessage()).contains("分钟后再试");
    }

    @Test
    void aDisabledAccountGetsTheWrongPasswordsMessageSoThePageTellsNoAccountApart() {
        LoginI18n disabled = failWith(new DisabledException("disabled"));
        assertThat(disabled.getErrorMessage().getTitle()).isEqualTo("用户名或密码不正确");
        assertThat(disabled.getErrorMessage().getMessage())
                .isEqualTo(failWith(new BadCredentialsException("bad")).getErrorMessage().getMessage());
    }

    @Test
    void theLoginViewCanBeReadInEnglish() {
        Languages.switchTo(Locale.ENGLISH);
        UI.getCurrent().navigate(LoginView.class);
        assertThat(_get(LoginView.class).shownI18n().getForm().getTitle()).isEqualTo("Staff sign-in");
        @SuppressWarnings("unchecked")
        Select<Locale> languages = _get(Select.class);
        assertThat(languages.getValue()).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void aWrongPasswordKeepsTheUserNameTyped() {
        VaadinSession.getCurrent().getSession().setAttribute(ThrottledAuthenticationProvider.TYPED_USERNAME, "reviewer");
        failWith(new BadCredentialsException("bad"));
        assertThat(_get(LoginView.class).keptUsername()).isEqualTo("reviewer");
    }

    private LoginI18n failWith(Exception failure) {
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, failure);
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
        assertThat(_get(LoginForm.class).isError()).isTrue();
        return _get(LoginView.class).shownI18n();
    }
}
