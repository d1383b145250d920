package org.reviewdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.registration.ReviewFixture;
import org.reviewdesk.review.Inbox;
import org.reviewdesk.review.InboxQuery;
import org.reviewdesk.review.InboxTab;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The English walk (issue 14: "the English UI is looked at as carefully as the Chinese one"), for what
 * it found: on a real 390 px phone the status page's Close button beside the receipt link and the review
 * page's facts, checks and document cards stay inside their cards, nothing scrolls sideways, and the
 * page says it is in English; at 1366 px the users grid shows whole role names. Screenshots
 * {@code enwalk-*.png} (copied to {@code docs/images}).
 */
@ApplicationTest
class EnglishWalkIT {

    private static final Path DOCS = Path.of("docs", "images");
    private static final CurrentUser REVIEWER = new CurrentUser("reviewer", Set.of(Role.REVIEWER));
    /** Elements (leaves of the layout) whose right edge passes the right edge of the card they sit in. */
    private static final String OUTSIDE_THEIR_CARD = """
            const out = [];
            document.querySelectorAll('.card, .applicant-card').forEach(card => {
              const edge = card.getBoundingClientRect().right;
              card.querySelectorAll('*').forEach(e => {
                const r = e.getBoundingClientRect();
                if (r.width > 0 && e.children.length === 0 && r.right > edge + 1) {
                  out.push((e.id || e.className || e.tagName) + ': ' + (e.textContent || '').trim().slice(0, 30));
                }
              });
            });
            return out;""";

    /** Elements past the right edge of the screen, but for the fixed ones (Vaadin's loading and dev-mode indicators). */
    private static final String BEYOND_THE_SCREEN = """
            const width = document.documentElement.clientWidth;
            const out = [];
            document.querySelectorAll('body *').forEach(e => {
              const r = e.getBoundingClientRect();
              if (r.width > 0 && r.right > width + 1 && getComputedStyle(e).position !== 'fixed'
                  && !e.closest('vaadin-dev-tools, copilot-main, .v-loading-indicator, .v-status-message')) {
                out.push((e.id || e.className || e.tagName) + ': ' + Math.round(r.right));
              }
            });
            return out;""";

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired Inbox inbox;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;

    @Test
    void onA390PxPhoneTheStatusAndReviewPagesKeepInsideTheScreenInEnglish() throws Exception {
        ReviewFixture.Applied applied = ReviewFixture.inReviewWithAccess(context, "Nanjing English Walk Technology Co., Ltd.");
        jdbc.sql("delete from staff_language where username = 'reviewer'").update();
        try (StaffBrowser browser = new StaffBrowser(port, 390, 844, "en-US")) {
            browser.open("/status");
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#status-number input")))
                    .sendKeys(applied.number());
            browser.driver().findElement(By.cssSelector("#status-code input")).sendKeys(applied.accessCode());
            browser.driver().findElement(By.id("status-open")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-state"), "In review"));
            assertThat(js(browser, "return document.documentElement.clientWidth")).isEqualTo(390L);
            assertThat(js(browser, "return document.documentElement.lang")).isEqualTo("en");
            // the Close button had been squeezed to its first letter beside the receipt link
            assertThat(((Number) js(browser, "return document.querySelector('.applicant-actions vaadin-button').getBoundingClientRect().width"))
                    .doubleValue()).isGreaterThan(100);
            assertFitsThePhone(browser);
            scrollTo(browser, "receipt-download");
            save(browser, "enwalk-status-en-390");

            String task = inbox.page(new InboxQuery(InboxTab.UNCLAIMED, null, applied.number(), null, InboxQuery.Sort.DUE, 0, 10),
                    REVIEWER).get(0).taskId();
            inbox.claim(task, REVIEWER);
            browser.signIn("reviewer");
            browser.open("/review/task/" + task);
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("workbench-application")));
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".workbench-slot")));
            assertFitsThePhone(browser);
            scrollTo(browser, "workbench-application");
            save(browser, "enwalk-review-en-390");
        }
    }

    @Test
    void theUsersGridShowsWholeRoleNamesInEnglish() throws Exception {
        jdbc.sql("delete from staff_language where username = 'admin'").update();
        try (StaffBrowser browser = new StaffBrowser(port, 1366, 900, "en-US")) {
            browser.signIn("admin");
            browser.open("/admin/users");
            browser.waiting().until(d -> d.findElement(By.id("users")).getText().contains("Service-centre window clerk"));
            // a cell cut with an ellipsis is narrower than its text
            @SuppressWarnings("unchecked")
            List<String> cut = (List<String>) js(browser, """
                    const out = [];
                    document.querySelectorAll('#users vaadin-grid-cell-content').forEach(c => {
                      if (c.scrollWidth > c.clientWidth + 1) out.push(c.textContent);
                    });
                    return out;""");
            assertThat(cut).isEmpty();
            save(browser, "enwalk-users-en-1366");
        }
    }

    private static void assertFitsThePhone(StaffBrowser browser) {
        assertThat(js(browser, BEYOND_THE_SCREEN)).asList().isEmpty();
        assertThat(js(browser, OUTSIDE_THEIR_CARD)).asList().isEmpty();
    }

    private static Object js(StaffBrowser browser, String script) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script);
    }

    private static void scrollTo(StaffBrowser browser, String id) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", browser.driver().findElement(By.id(id)));
    }

    private static void save(StaffBrowser browser, String name) throws Exception {
        browser.save(name);
        Files.createDirectories(DOCS);
        Files.copy(StaffBrowser.SCREENSHOTS.resolve(name + ".png"), DOCS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
