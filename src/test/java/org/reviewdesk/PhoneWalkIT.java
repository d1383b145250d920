package org.reviewdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.reviewdesk.registration.ReviewFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Issue 14: the administrator's, the supervisor's, the hotline agent's and the window clerk's screens on a phone
 * and a case page as a supervisor (390 px, emulated; a window 1000 px tall, so the language list opens within it), in Chinese and English: none
 * scrolls sideways. Screenshots {@code target/screenshots/phone-<page>-<language>-390.png}.
 */
@RealProcessesOnly
class PhoneWalkIT {

    /** Stands in the path for the number of a registration in review, made by the test. */
    private static final String CASE = "{case}";

    @LocalServerPort int port;
    @Autowired ApplicationContext context;

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
            new Screen("supervisor", "/cases/" + CASE, "case", "#registration-workbench"),
            new Screen("supervisor", "/review/reasons", "reasons", "#reasons-grid"),
            new Screen("hotline", "/hotline", "hotline", "#case-search"),
            new Screen("window", "/window", "window", "vaadin-text-field"));

    @Test
    void noStaffScreenScrollsSidewaysOnAPhone() throws Exception {
        String number = ReviewFixture.inReview(context, "南京手机巡查科技有限公司");
        for (String user : List.of("admin", "supervisor", "hotline", "window")) {
            for (String language : List.of("zh", "en")) {
                // one browser per user and language: the language is switched once, on the first screen
                try (StaffBrowser browser = new StaffBrowser(port, 390, 1000)) {
                    browser.signIn(user);
                    boolean first = true;
                    for (Screen screen : SCREENS.stream().filter(s -> s.user().equals(user)).toList()) {
                        browser.open(screen.path().replace(CASE, number));
                        if (first) {
                            LanguagesAndWidths.show(browser, language.equals("en") ? "English" : "中文");
                            first = false;
                        }
                        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(screen.ready())));
                        if (screen.name().equals("cases")) {
                            // the list's case column was about 140 px wide and broke the number mid-number
                            // (a wrapped line shows as two boxes of the number's text; waits, as the phone's columns come after the grid)
                            browser.waiting().until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("""
                                    const numbers = [...document.querySelectorAll('a.cases-list__number')].filter(e => e.offsetParent);
                                    return numbers.length > 0 && numbers.every(e => {
                                      const r = document.createRange(); r.selectNodeContents(e);
                                      return new Set([...r.getClientRects()].map(b => Math.round(b.top))).size === 1;
                                    });""")));
                        }
                        if (screen.name().equals("reasons")) {
                            // the seven columns scrolled sideways inside the grid and cut the Chinese text: one card per reason
                            browser.waiting().until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("""
                                    const table = document.querySelector('#reasons-grid').shadowRoot.querySelector('#table');
                                    return [...document.querySelectorAll('#reasons-grid .phone-card')].some(e => e.offsetParent)
                                      && table.scrollWidth <= table.clientWidth;""")));
                        }
                        if (screen.name().equals("case")) {
                            // the credit code and the received time had broken mid-date ("受理于 2026-" / "12-05 18:36")
                            assertThat(((Number) ((JavascriptExecutor) browser.driver()).executeScript("""
                                    const whole = [...document.querySelectorAll('.case-view__facts .case-view__whole')];
                                    return whole.length === 2 && whole.every(e => e.getClientRects().length === 1) ? 1 : 0;"""))
                                    .intValue()).as("the case's code and received time each on one line (%s)", language).isEqualTo(1);
                        }
                        // no list scrolls sideways inside itself either (users, units, the audit trail, reasons, cases: a card
                        // per row on a phone); waits, as the phone's columns replace the others after the grid is shown
                        browser.waiting().until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("""
                                return [...document.querySelectorAll('vaadin-grid')].filter(g => g.offsetParent).every(g => {
                                  const table = g.shadowRoot.querySelector('#table');
                                  return table.scrollWidth <= table.clientWidth + 1;
                                });""")));
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
