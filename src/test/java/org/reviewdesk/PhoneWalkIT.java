package org.reviewdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14: the administrator's, the supervisor's, the hotline agent's and the window clerk's screens on a phone
 * (390 px, emulated; a window 1000 px tall, so the language list opens within it), in Chinese and English: none
 * scrolls sideways. Screenshots {@code target/screenshots/phone-<page>-<language>-390.png}.
 */
@RealProcessesOnly
class PhoneWalkIT {

    @LocalServerPort int port;

    /** A screen, who opens it, and what shows that it has drawn. */
    private record Screen(String user, String path, String name, String ready) {
    }

    private static final List<Screen> SCREENS = List.of(
            new Screen("admin", "/admin", "admin", "#operator-warnings"),
            new Screen("admin", "/admin/users", "users", "vaadin-grid"),
            new Screen("admin", "/admin/units", "units", "#units"),
            new Screen("admin", "/admin/calendar", "calendar", "#overrides"),
            new Screen("admin", "/admin/accounts/import", "account-import", "#account-import-upload"),
            new Screen("admin", "/admin/audit", "audit", "vaadin-grid"),
            new Screen("supervisor", "/work", "work", "vaadin-grid"),
            new Screen("supervisor", "/cases", "cases", "vaadin-grid"),
            new Screen("supervisor", "/review/reasons", "reasons", "#reasons-grid"),
            new Screen("hotline", "/hotline", "hotline", "#case-search"),
            new Screen("window", "/window", "window", "vaadin-text-field"));

    @Test
    void noStaffScreenScrollsSidewaysOnAPhone() throws Exception {
        for (String user : List.of("admin", "supervisor", "hotline", "window")) {
            for (String language : List.of("zh", "en")) {
                // one browser per user and language: the language is switched once, on the first screen
                try (StaffBrowser browser = new StaffBrowser(port, 390, 1000)) {
                    browser.signIn(user);
                    boolean first = true;
                    for (Screen screen : SCREENS.stream().filter(s -> s.user().equals(user)).toList()) {
                        browser.open(screen.path());
                        if (first) {
                            LanguagesAndWidths.show(browser, language.equals("en") ? "English" : "中文");
                            first = false;
                        }
                        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(screen.ready())));
                        browser.save("phone-" + screen.name() + "-" + language + "-390");
                        assertThat(LanguagesAndWidths.pageOverflow(browser))
                                .as("%s (%s) at 390 px: the page does not scroll sideways", screen.path(), language)
                                .isLessThanOrEqualTo(0);
                    }
                }
            }
        }
    }
}
