package org.reviewdesk.platform;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The two UI languages: Simplified Chinese by default, English on request. The choice lives in
 * the UI session and in a cookie, so it survives the login and the next visit.
 */
public final class Languages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale DEFAULT = CHINESE;
    public static final List<Locale> SUPPORTED = List.of(CHINESE, ENGLISH);

    static final String COOKIE = "rd-lang";

    private Languages() {
    }

    /** The supported locale closest to the given one. */
    public static Locale supported(Locale locale) {
        if (locale != null && ENGLISH.getLanguage().equals(locale.getLanguage())) {
            return ENGLISH;
        }
        return CHINESE;
    }

    static Locale fromRequest(VaadinRequest request) {
        if (request != null && request.getCookies() != null) {
            return Arrays.stream(request.getCookies())
                    .filter(c -> COOKIE.equals(c.getName()))
                    .map(c -> supported(Locale.forLanguageTag(c.getValue())))
                    .findFirst().orElse(DEFAULT);
        }
        return DEFAULT;
    }

    /** Switches the current session and UI to the locale and remembers it. */
    public static void switchTo(Locale locale) {
        Locale chosen = supported(locale);
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setLocale(chosen);
        }
        VaadinResponse response = VaadinService.getCurrentResponse();
        if (response != null) {
            Cookie cookie = new Cookie(COOKIE, chosen.toLanguageTag());
            cookie.setPath("/");
            cookie.setMaxAge(365 * 24 * 3600);
            cookie.setHttpOnly(true);
            response.addCookie(cookie);
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.setLocale(chosen);
            ui.getPage().reload();
        }
    }
}
