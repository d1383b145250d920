package org.reviewdesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.reviewdesk.RealProcessesOnly;
import org.reviewdesk.LanguagesAndWidths;
import org.reviewdesk.StaffBrowser;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.namechange.NameChangeFixture;
import org.reviewdesk.registration.ReviewFixture;
import org.reviewdesk.representative.RepresentativeFixture;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Issues 7 and 14: a supervisor's inbox, every tab, fits 1366 px without sideways scrolling in Chinese
 * and in English and stays usable at 1280 px and on a phone: no filter cut short, the bulk actions on
 * one line beside the saved filters, the names under their header. Screenshots
 * {@code target/screenshots/inbox-<language>-<width>-<tab>.png}; the ALL tab's at 1366 px are the README's
 * {@code inbox.png} and {@code inbox-en.png}, of the real processes only ({@link RealProcessesOnly}). At 1366 px the
 * toolbar is one line and no process name is cut short.
 */
@RealProcessesOnly
class InboxLayoutIT {

    /** Visible selects (filters, saved filters) whose chosen value is wider than its box, as "id: value". */
    private static final String CUT_SELECTS = """
            return [...document.querySelectorAll('.inbox-view vaadin-select')].filter(s => s.offsetParent !== null)
              .filter(s => { const v = s.querySelector('vaadin-select-value-button');
                             if (!v || !v.textContent.trim()) return false;
                             const r = document.createRange(); r.selectNodeContents(v);
                             return r.getBoundingClientRect().width > v.clientWidth + 1; })
              .map(s => s.id + ': ' + s.querySelector('vaadin-select-value-button').textContent.trim());""";
    /** Visible process names in the grid cut short (wider or taller than their box), as their text. */
    /** Names in the name column that end in "…" (wider or taller than their cell): they should wrap, and fit. */
    private static final String CUT_TITLES = """
            return [...document.querySelectorAll('#inbox-grid .inbox-title')]
              .filter(e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1).map(e => e.textContent);""";

    private static final String CUT_PROCESS_NAMES = """
            return [...document.querySelectorAll('#inbox-grid .inbox-process-name')].filter(e => e.offsetParent !== null)
              .filter(e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1).map(e => e.textContent.trim());""";
    /** Assignees cut short or a person's name split over two lines ("承办人员 孙" / "磊"), as their text. */
    private static final String CUT_ASSIGNEES = """
            return [...document.querySelectorAll('#inbox-grid .inbox-assignee-cell .inbox-cell__main')].filter(e => e.offsetParent !== null)
              .filter(e => {
                const cell = e.closest('vaadin-grid-cell-content');
                if (e.scrollWidth > e.clientWidth + 1 || (cell && cell.scrollWidth > cell.clientWidth + 1)) return true;
                const words = e.textContent.trim().split(' ');
                const last = words[words.length - 1];
                const at = e.textContent.lastIndexOf(last);
                const r = document.createRange(); r.setStart(e.firstChild, at); r.setEnd(e.firstChild, at + last.length);
                return new Set([...r.getClientRects()].map(b => Math.round(b.top))).size > 1;
              }).map(e => e.textContent.trim());""";
    /** Left edge of the Name header's text and of the first row's name, in CSS pixels. */
    private static final String NAME_EDGES = """
            const grid = document.getElementById('inbox-grid');
            const cells = [...grid.querySelectorAll('vaadin-grid-cell-content')];
            const left = el => { const r = document.createRange(); r.selectNodeContents(el); return Math.round(r.getBoundingClientRect().left); };
            const shown = text => cells.filter(c => c.textContent.trim() === text).map(left).find(x => x > 0);
            const header = shown(arguments[0]);
            const body = shown(arguments[1]);
            return header && body ? [header, body] : null;""";

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired Inbox inbox;
    @Autowired TaskService tasks;

    @Test
    void everyTabFits1366And1280PixelsInBothLanguagesAndAPhoneCanUseIt() throws Exception {
        String longName = "内蒙古自治区呼和浩特市示例新能源科技发展有限责任公司";
        List<String> numbers = List.of(ReviewFixture.inReview(context, longName),
                ReviewFixture.inReview(context, "绵阳示例贸易有限公司"), ReviewFixture.inReview(context, "德阳示例物流有限公司"));
        CurrentUser reviewer = new CurrentUser("reviewer", Set.of(Role.REVIEWER));
        inbox.claim(InboxFixtures.unclaimedTaskOf(inbox, numbers.get(1), reviewer), reviewer);
        CurrentUser supervisor = new CurrentUser("supervisor", Set.of(Role.REVIEWER, Role.SUPERVISOR));
        inbox.claim(InboxFixtures.unclaimedTaskOf(inbox, numbers.get(2), supervisor), supervisor);
        // the README's picture shows the real processes, cases made through their services (issue 14, inboxen item 3):
        // a legal-representative change (the longest English process name) and a name change beside the registrations
        RepresentativeFixture.inReview(context, "成都示例科技有限公司");
        NameChangeFixture.inReview(context, "重庆示例贸易有限公司", "重庆示例供应链管理有限公司");
        // an overdue registration, so the OVERDUE tab has a row
        String late = ReviewFixture.inReview(context, "逾期示例咨询服务有限公司");
        tasks.setDueDate(tasks.createTaskQuery().processInstanceBusinessKey(late).singleResult().getId(),
                java.util.Date.from(OffsetDateTime.now().minusDays(3).toInstant()));

        LanguagesAndWidths.look(port, "supervisor", "/review/inbox", List.of(1366, 1280, 390), 900, (browser, language, width) -> {
            for (InboxTab tab : List.of(InboxTab.MINE, InboxTab.UNCLAIMED, InboxTab.OVERDUE, InboxTab.ALL)) {
                // on a phone the English tabs overflow their bar, which scrolls (a finger swipes it): clicked by script
                org.openqa.selenium.WebElement tabItem = browser.waiting().ignoring(StaleElementReferenceException.class)
                        .until(ExpectedConditions.presenceOfElementLocated(By.id("tab-" + tab.name())));
                js(browser, "arguments[0].click();", tabItem);
                browser.waiting().ignoring(StaleElementReferenceException.class)
                        .until(d -> d.findElement(By.id("tab-" + tab.name())).getAttribute("selected") != null);
                // the tab's own rows: every row of the grid is counted in the tab's badge
                browser.waiting().ignoring(StaleElementReferenceException.class).until(d -> {
                    String badge = d.findElement(By.id("tab-" + tab.name())).getText().replaceAll("\\D", "");
                    return !badge.isEmpty() && Integer.parseInt(badge) == rows(browser);
                });
                String shot = "inbox-" + language + "-" + width + "-" + tab.name().toLowerCase();
                browser.save(shot);
                LanguagesAndWidths.assertFits(browser, "inbox-grid", language + " " + tab, width);
                if (width < 1280) {
                    // a phone: one card per task, and the first task on the first screen (the filters folded away)
                    assertThat(browser.driver().findElements(By.cssSelector("#inbox-grid .inbox-card")))
                            .as("%s %s on a phone: cards", language, tab).isNotEmpty();
                    assertThat(((Number) js(browser, "return document.getElementById('inbox-grid').getBoundingClientRect().top;")).longValue())
                            .as("%s %s on a phone: the grid starts within the first screen", language, tab).isLessThan(500);
                    List<Long> widths = browser.gridWidths("inbox-grid");
                    assertThat(widths.get(0)).as("%s %s on a phone: the cards fit the grid", language, tab).isLessThanOrEqualTo(widths.get(1));
                    if (tab == InboxTab.UNCLAIMED) {
                        LanguagesAndWidths.readmeImage(shot, language.equals("en") ? "inbox-390-en" : "inbox-390");
                    }
                    continue;
                }
                assertThat(js(browser, CUT_TITLES)).as("%s %s at %d px: names cut short", language, tab, width).asList().isEmpty();
                assertThat(js(browser, CUT_SELECTS)).as("%s %s at %d px: selects cut short", language, tab, width).asList().isEmpty();
                if (width >= 1366) {
                    assertThat(middle(browser, "inbox-sort")).as("%s %s at %d px: the toolbar on one line (the order beside the search)",
                            language, tab, width).isCloseTo(middle(browser, "inbox-search"), org.assertj.core.data.Offset.offset(4));
                }
                assertThat(js(browser, CUT_ASSIGNEES)).as("%s %s at %d px: assignees cut short or split", language, tab, width)
                        .asList().isEmpty();
                assertThat(js(browser, CUT_PROCESS_NAMES)).as("%s %s at %d px: process names cut short", language, tab, width)
                        .asList().isEmpty();
                assertThat(middle(browser, "inbox-bulk-assign")).as("%s %s at %d px: the bulk actions on one line", language, tab, width)
                        .isCloseTo(middle(browser, "inbox-bulk-claim"), org.assertj.core.data.Offset.offset(4));
                if (width >= 1366) {
                    assertThat(middle(browser, "inbox-bulk-claim")).as("%s %s at %d px: the bulk actions beside the saved filters",
                            language, tab, width).isCloseTo(middle(browser, "saved-filters"), org.assertj.core.data.Offset.offset(4));
                }
                if (tab == InboxTab.ALL) {
                    // the long name by search: with the whole suite's tasks in the database its row may be far down the tab
                    browser.driver().findElement(By.cssSelector("#inbox-search input")).sendKeys(longName.substring(0, 8));
                    browser.waiting().ignoring(StaleElementReferenceException.class)
                            .until(d -> d.findElement(By.id("inbox-grid")).getText().contains(longName.substring(0, 8)));
                    @SuppressWarnings("unchecked")
                    List<Long> edges = (List<Long>) ((JavascriptExecutor) browser.driver()).executeScript(NAME_EDGES,
                            language.equals("en") ? "Name" : "主体名称", longName);
                    assertThat(edges).as("%s at %d px: the name column's header and cells", language, width).isNotNull();
                    assertThat(Math.abs(edges.get(0) - edges.get(1))).as("%s at %d px: a name starts under its header (%s)",
                            language, width, edges).isLessThanOrEqualTo(2);
                    if (width == 1366) {
                        LanguagesAndWidths.readmeImage(shot, language.equals("en") ? "inbox-en" : "inbox");
                    }
                }
            }
            assertThat(js(browser, "return document.querySelector('#saved-filters vaadin-select-value-button').textContent.trim();"))
                    .as("%s: the saved-filter box says what it is", language)
                    .asString().containsIgnoringCase(language.equals("en") ? "saved filters" : "筛选");
        });
    }

    /** How many rows the grid holds (its size, not only those drawn). */
    private static int rows(StaffBrowser browser) {
        return ((Number) js(browser, "return document.getElementById('inbox-grid').size;")).intValue();
    }

    /** The vertical middle of an element, in CSS pixels from the page's top. */
    private static int middle(StaffBrowser browser, String id) {
        org.openqa.selenium.Rectangle r = browser.driver().findElement(By.id(id)).getRect();
        return r.getY() + r.getHeight() / 2;
    }

    private static Object js(StaffBrowser browser, String script, Object... arguments) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, arguments);
    }
}
