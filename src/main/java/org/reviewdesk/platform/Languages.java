package org.reviewdesk.platform;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The two UI languages: Simplified Chinese by default, English on request. A first visit follows the
 * browser (Accept-Language); a choice lives in the UI session and in a cookie, so it survives the
 * login and the next visit, and for a signed-in staff member also in the database
 * ({@link StaffLanguages}), so it follows the user to any browser and node.
 */
public final class Languages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale DEFAULT = CHINESE;
    public static final List<Locale> SUPPORTED = List.of(CHINESE, ENGLISH);

    static final String COOKIE = "rd-lang";
    /** A choice made in this session before sign-in: it becomes the user's at sign-in. */
    static final String CHOSEN_BEFORE_SIGN_IN = Languages.class.getName() + ".chosen";

    private Languages() {
    }

    /** The supported locale closest to the given one. */
    public static Locale supported(Locale locale) {
        if (locale != null && ENGLISH.getLanguage().equals(locale.getLanguage())) {
            return ENGLISH;
        }
        return CHINESE;
    }

    /** The remembered choice (the cookie), else the browser's first language that is Chinese or English, else Chinese. */
    static Locale fromRequest(VaadinRequest request) {
        if (request == null) {
            return DEFAULT;
        }
        return cookie(request).or(() -> browser(request.getHeader("Accept-Language"))).orElse(DEFAULT);
    }

    static Optional<Locale> cookie(VaadinRequest request) {
        return request.getCookies() == null ? Optional.empty() : Arrays.stream(request.getCookies())
                .filter(c -> COOKIE.equals(c.getName()))
                .map(c -> supported(Locale.forLanguageTag(c.getValue())))
                .findFirst();
    }

    /** The first of the browser's languages, in its order of preference, that the UI speaks. */
    static Optional<Locale> browser(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Optional.empty();
        }
        try {
            return Locale.LanguageRange.parse(acceptLanguage).stream()
                    .filter(range -> range.getWeight() > 0)
                    .map(range -> Locale.forLanguageTag(range.getRange()).getLanguage())
                    .filter(language -> SUPPORTED.stream().anyMatch(s -> s.getLanguage().equals(language)))
                    .findFirst()
                    .map(Locale::forLanguageTag)
                    .map(Languages::supported);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /**
     * Items as a list in the language's own punctuation: 审核员、主管 in Chinese, "Reviewer, Supervisor" in
     * English (Java 17 has no ListFormat; these two languages need no more).
     */
    public static String list(Locale locale, Collection<String> items) {
        return String.join(ENGLISH.equals(supported(locale)) ? ", " : "、", items);
    }

    /** Clauses of one sentence: separated by a full-width semicolon in Chinese, by "; " in English. */
    public static String clauses(Locale locale, Collection<String> clauses) {
        return String.join(ENGLISH.equals(supported(locale)) ? "; " : "；", clauses);
    }

    /** A label and its text: 营业执照：… in Chinese, "Business licence: …" in English. */
    public static String labelled(Locale locale, String label, String text) {
        return label + (ENGLISH.equals(supported(locale)) ? ": " : "：") + text;
    }

    /** Switches the current session and UI to the locale and remembers it (cookie; the user's, once signed in). */
    public static void switchTo(Locale locale) {
        Locale chosen = supported(locale);
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setLocale(chosen);
            Optional<CurrentUser> user = CurrentUser.get();
            if (user.isPresent()) {
                VaadinService.getCurrent().getInstantiator().getOrCreate(StaffLanguages.class).remember(user.get().username(), chosen);
            } else {
                session.setAttribute(CHOSEN_BEFORE_SIGN_IN, chosen);
            }
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
