package org.reviewdesk.platform;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.servlet.http.Cookie;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 14 item 10: the first visit follows the browser, a choice is then the user's, kept in the
 * database for every browser and node; a choice made before sign-in (the login page's switch, its
 * cookie) survives the sign-in.
 */
class LanguagesTest extends KaribuTestSupport {

    @Autowired StaffLanguages staffLanguages;

    @Test
    void theBrowsersFirstLanguageTheUiSpeaksWinsElseChinese() {
        assertThat(Languages.browser("fr-FR,fr;q=0.9,en-GB;q=0.8,zh;q=0.7")).contains(Locale.ENGLISH);
        assertThat(Languages.browser("zh-TW,zh;q=0.9,en;q=0.8")).contains(Languages.CHINESE);
        assertThat(Languages.browser("en;q=0,zh;q=0.5")).as("a language the browser refuses").contains(Languages.CHINESE);
        assertThat(Languages.browser("de-DE,fr")).isEmpty();
        assertThat(Languages.browser("not a header;;")).isEmpty();
        assertThat(Languages.browser(null)).isEmpty();
    }

    @Test
    void aChoiceInTheShellIsTheUsersInTheNextBrowser() {
        String user = "lang-" + UUID.randomUUID().toString().substring(0, 8);
        signedInOnANewPage(user);
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Languages.CHINESE);

        @SuppressWarnings("unchecked")
        LanguageSwitch languages = _get(LanguageSwitch.class);
        _setValue(languages, Locale.ENGLISH);
        assertThat(staffLanguages.of(user)).contains(Locale.ENGLISH);

        anotherBrowser();
        signedInOnANewPage(user);
        assertThat(UI.getCurrent().getLocale()).as("another browser, whose cookie and Accept-Language say nothing").isEqualTo(Locale.ENGLISH);
        assertThat(UI.getCurrent().getTranslation("platform.login.title")).isEqualTo("Staff sign-in");
    }

    @Test
    void aChoiceBeforeSignInBecomesTheUsers() {
        String user = "lang-" + UUID.randomUUID().toString().substring(0, 8);
        staffLanguages.remember(user, Languages.CHINESE);
        Languages.switchTo(Locale.ENGLISH);

        signedInOnANewPage(user);

        assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.ENGLISH);
        assertThat(staffLanguages.of(user)).contains(Locale.ENGLISH);
    }

    @Test
    void aLanguageCookieSetAfterTheSessionBeganIsHonouredAtSignIn() {
        String user = "lang-" + UUID.randomUUID().toString().substring(0, 8);
        request().addCookie(new Cookie(Languages.COOKIE, "en"));

        signedInOnANewPage(user);

        assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.ENGLISH);
        assertThat(staffLanguages.of(user)).as("a cookie is not a choice made by this user").isEqualTo(Optional.empty());
    }

    @Test
    void theUsersStoredChoiceWinsOverAnotherBrowsersCookie() {
        String user = "lang-" + UUID.randomUUID().toString().substring(0, 8);
        staffLanguages.remember(user, Languages.CHINESE);
        request().addCookie(new Cookie(Languages.COOKIE, "en"));

        signedInOnANewPage(user);

        assertThat(UI.getCurrent().getLocale()).isEqualTo(Languages.CHINESE);
    }

    /** Signs in and loads a page, as the browser does after the login form's redirect. */
    private void signedInOnANewPage(String user) {
        signInAs(user, Role.REVIEWER);
        UI.getCurrent().getPage().reload();
    }

    /** A new session, as in another browser. */
    private void anotherBrowser() {
        tearDownVaadin();
        setUpVaadin();
    }

    private static FakeRequest request() {
        return (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
    }
}
