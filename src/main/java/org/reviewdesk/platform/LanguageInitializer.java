package org.reviewdesk.platform;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A new session starts in the remembered language (cookie) or the browser's (Accept-Language), else
 * Simplified Chinese. The first page a staff member sees signed in settles the session on the user's
 * language: a choice made before sign-in becomes the user's; otherwise the user's stored choice applies;
 * otherwise the request's (a cookie set after the session began counts, so the login page's choice is
 * never lost).
 */
@Component
class LanguageInitializer implements VaadinServiceInitListener {

    /** The user whose language the session is settled on. */
    static final String SETTLED_FOR = LanguageInitializer.class.getName() + ".settledFor";

    private final StaffLanguages staffLanguages;

    LanguageInitializer(StaffLanguages staffLanguages) {
        this.staffLanguages = staffLanguages;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setLocale(Languages.fromRequest(init.getRequest())));
        event.getSource().addUIInitListener(init -> {
            VaadinSession session = init.getUI().getSession();
            CurrentUser.get().ifPresent(user -> settle(session, VaadinRequest.getCurrent(), user.username()));
            init.getUI().setLocale(session.getLocale());
            // the page's language for screen readers, hyphenation and the browser's font choice: Vaadin's
            // index page says lang="zh" (the first supported language) even when the UI is in English;
            // after each navigation, so a locale a view sets later counts too
            UI ui = init.getUI();
            ui.addAfterNavigationListener(navigated -> ui.getPage().executeJs("document.documentElement.lang = $0", ui.getLocale().toLanguageTag()));
        });
    }

    void settle(VaadinSession session, VaadinRequest request, String username) {
        if (username.equals(session.getAttribute(SETTLED_FOR))) {
            return;
        }
        Locale locale;
        if (session.getAttribute(Languages.CHOSEN_BEFORE_SIGN_IN) instanceof Locale chosen) {
            staffLanguages.remember(username, chosen);
            session.setAttribute(Languages.CHOSEN_BEFORE_SIGN_IN, null);
            locale = chosen;
        } else {
            Optional<Locale> stored = staffLanguages.of(username);
            locale = stored.orElseGet(() -> Languages.fromRequest(request));
        }
        session.setLocale(locale);
        session.setAttribute(SETTLED_FOR, username);
    }
}
