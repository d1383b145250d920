package org.reviewdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.RevealProperties;
import org.reviewdesk.platform.Role;
import org.reviewdesk.registration.RegistrationReview;
import org.reviewdesk.registration.ReviewFixture;
import org.reviewdesk.review.Inbox;
import org.reviewdesk.review.InboxQuery;
import org.reviewdesk.review.InboxTab;
import org.reviewdesk.review.ReviewDecision;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14's walk-through per role, for the items no other browser test shows, in a real headless
 * Chromium in Chinese and English: the applicant who lost the access code and, once approved, is told
 * where and with which name to sign in (items 4, 6); the administrator's audit trail with its CSV and
 * the 403 and 404 pages (items 3, 9); the reviewer over the daily reveal limit (item 2); the supervisor
 * who switches automatic assignment on, and the present reviewer who gets the next task with its
 * reason (item 5). Screenshots {@code walkthrough-*.png} (copied to {@code docs/images}).
 */
@ApplicationTest
class WalkthroughIT {

    private static final Path DOCS = Path.of("docs", "images");
    private static final Pattern SENT_CODE = Pattern.compile("(?:查询码为|access code )([A-Z0-9]+)");
    private static final CurrentUser REVIEWER = new CurrentUser("reviewer", Set.of(Role.REVIEWER));
    private static final List<String> USERS = List.of("admin", "reviewer", "reviewer2", "supervisor");

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired Inbox inbox;
    @Autowired RegistrationReview reviews;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired BusinessTime time;
    @Autowired RevealProperties reveals;

    /** The browser's language decides (other tests may have left a user's own choice), nobody is present or switched on. */
    @BeforeEach
    @AfterEach
    void defaults() {
        jdbc.sql("delete from staff_language where username in (:users)").param("users", USERS).update();
        jdbc.sql("delete from review_auto_assign").update();
        jdbc.sql("delete from review_presence").update();
        jdbc.sql("delete from personal_data_reveal_count where actor = 'reviewer2'").update();
        jdbc.sql("delete from login_throttle where throttle_key like 'applicant:%'").update();
    }

    @Test
    void anApplicantWhoLostTheCodeGetsANewOneAndOnceApprovedIsToldWhereToSignIn() throws Exception {
        ReviewFixture.Applied applied = ReviewFixture.inReviewWithAccess(context, "武汉示例走查科技有限公司");
        String task = inbox.page(new InboxQuery(InboxTab.UNCLAIMED, null, applied.number(), null, InboxQuery.Sort.DUE, 0, 10),
                REVIEWER).get(0).taskId();
        inbox.claim(task, REVIEWER);
        reviews.decide(applied.number(), new ReviewDecision.Approve(null), REVIEWER);
        ProcessJobs.runDue(runtime, management, applied.number());
        String uscc = jdbc.sql("select uscc from registration_application where number = :n").param("n", applied.number())
                .query(String.class).single();

        for (String[] shot : new String[][] {{"zh-CN", "1366", "900"}, {"en-US", "390", "844"}}) {
            boolean english = shot[0].startsWith("en");
            try (StaffBrowser browser = new StaffBrowser(port, Integer.parseInt(shot[1]), Integer.parseInt(shot[2]), shot[0])) {
                browser.open("/status");
                browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#status-number input")))
                        .sendKeys(applied.number());
                browser.driver().findElement(By.id("reissue")).click();
                browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#reissue-mobile input")))
                        .sendKeys(ReviewFixture.MOBILE);
                browser.driver().findElement(By.id("reissue-send")).click();
                browser.waiting().until(d -> !d.findElement(By.id("reissue-answer")).getText().isBlank());
                save(browser, "walkthrough-reissue-" + tag(shot));
                String newCode = lastCodeSent(applied.number());
                assertThat(newCode).isNotEqualTo(applied.accessCode());

                browser.driver().findElement(By.cssSelector("#status-code input")).sendKeys(newCode);
                browser.driver().findElement(By.id("status-open")).click();
                browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-state"),
                        english ? "Approved" : "审核通过"));
                assertThat(browser.text("status-login-name")).isEqualTo(uscc);
                assertThat(browser.driver().findElement(By.id("status-login-address")).getDomAttribute("href")).startsWith("http");
                ((JavascriptExecutor) browser.driver())
                        .executeScript("arguments[0].scrollIntoView()", browser.driver().findElement(By.id("status-login")));
                save(browser, "walkthrough-approved-login-" + tag(shot));
            }
        }
    }

    @Test
    void anAdministratorSearchesTheAuditTrailExportsItAndMeetsThe403And404Pages() throws Exception {
        String number = ReviewFixture.inReview(context, "合肥示例审计科技有限公司");
        for (String language : List.of("zh-CN", "en-US")) {
            boolean english = language.startsWith("en");
            try (StaffBrowser browser = new StaffBrowser(port, 1366, 900, language)) {
                browser.signIn("admin");
                browser.open("/admin/audit");
                browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#audit-case input")))
                        .sendKeys(number, Keys.TAB);
                browser.waiting().ignoring(StaleElementReferenceException.class)
                        .until(d -> d.findElement(By.id("audit-grid")).getText().contains(number));
                for (String picker : List.of("audit-from", "audit-to")) {
                    // as a pick in the calendar sets it: the ISO value, which the server receives with value-changed
                    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]",
                            browser.driver().findElement(By.id(picker)), time.today().toString());
                }
                browser.waiting().until(d -> d.findElement(By.id("audit-export")).getDomAttribute("href") != null);
                save(browser, "walkthrough-audit-" + (english ? "en" : "zh"));

                HttpResponse<byte[]> csv = browser.fetch(browser.driver().findElement(By.id("audit-export")).getDomAttribute("href"));
                assertThat(csv.statusCode()).isEqualTo(200);
                assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
                assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains(number);

                browser.open("/no-such-page");
                browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("not-found"), "/no-such-page"));
                assertThat(browser.driver().findElements(By.cssSelector("vaadin-side-nav"))).as("inside the shell").isNotEmpty();
                save(browser, "walkthrough-404-" + (english ? "en" : "zh"));

                browser.open("/cases");
                browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("access-denied")));
                assertThat(browser.text("access-denied")).doesNotContain("Could not navigate");
                save(browser, "walkthrough-403-" + (english ? "en" : "zh"));
            }
        }
    }

    @Test
    void aReviewerOverTheDailyRevealLimitIsToldWhyAndTheNumberStaysMasked() throws Exception {
        String number = ReviewFixture.inReview(context, "南昌示例限额科技有限公司");
        String task = inbox.page(new InboxQuery(InboxTab.UNCLAIMED, null, number, null, InboxQuery.Sort.DUE, 0, 10), REVIEWER)
                .get(0).taskId();
        jdbc.sql("insert into personal_data_reveal_count (actor, reveal_day, revealed) values ('reviewer2', :day, :limit)")
                .param("day", time.today()).param("limit", reveals.perUserPerDay()).update();

        for (String language : List.of("zh-CN", "en-US")) {
            try (StaffBrowser browser = new StaffBrowser(port, 1366, 900, language)) {
                browser.signIn("reviewer2");
                browser.open("/review/task/" + task);
                browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("reveal-representative-id-number"))).click();
                String limit = language.startsWith("en") ? "today's limit" : "今日";
                browser.waiting().until(d -> d.findElements(By.cssSelector("vaadin-notification-card")).stream()
                        .anyMatch(card -> card.getText().contains(limit)));
                assertThat(browser.text("workbench-application")).doesNotContain(ReviewFixture.REPRESENTATIVE_ID);
                save(browser, "walkthrough-reveal-limit-" + (language.startsWith("en") ? "en" : "zh"));
            }
        }
    }

    @Test
    void aSupervisorSwitchesOnAutomaticAssignmentAndThePresentReviewerGetsTheNextTaskWithTheReason() throws Exception {
        try (StaffBrowser supervisor = new StaffBrowser(port, 1366, 1400, "en-US")) {
            supervisor.signIn("supervisor");
            supervisor.open("/work");
            WebElement toggle = supervisor.waiting().until(ExpectedConditions.presenceOfElementLocated(
                    By.id("auto-assign-registration-" + Role.REVIEWER.camundaGroup())));
            ((JavascriptExecutor) supervisor.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", toggle);
            supervisor.waiting().until(ExpectedConditions.elementToBeClickable(toggle)).click();
            supervisor.waiting().until(d -> jdbc.sql("select count(*) from review_auto_assign where process_key = 'registration'")
                    .query(Long.class).single() == 1);
            supervisor.waiting().ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.id("auto-assign-grid")).getText().contains("审核主管 陈静"));
            save(supervisor, "walkthrough-auto-assign-on-en");
        }
        try (StaffBrowser reviewer = new StaffBrowser(port, 1366, 900, "zh-CN")) {
            reviewer.signIn("reviewer");
            reviewer.open("/review/inbox");
            reviewer.waiting().until(ExpectedConditions.elementToBeClickable(By.id("inbox-presence"))).click();
            reviewer.waiting().until(d -> jdbc.sql("select count(*) from review_presence where username = 'reviewer'")
                    .query(Long.class).single() == 1);

            String number = ReviewFixture.inReview(context, "福州示例分配科技有限公司");

            reviewer.open("/review/inbox");
            reviewer.waiting().ignoring(StaleElementReferenceException.class).until(d -> d.findElements(By.cssSelector(".inbox-assignee-cell"))
                    .stream().anyMatch(cell -> cell.getText().contains("自动分配")));
            assertThat(jdbc.sql("select assignee from review_task where case_ref = :n").param("n", number).query(String.class).single())
                    .isEqualTo("reviewer");
            save(reviewer, "walkthrough-auto-assigned-zh");
        }
    }

    private String lastCodeSent(String number) {
        String body = jdbc.sql("""
                select body from outbox_message where case_ref = :n and message_key = 'registration.notice.accessCode.sms'
                order by id desc fetch first 1 rows only""").param("n", number).query(String.class).single();
        Matcher code = SENT_CODE.matcher(body);
        assertThat(code.find()).as(body).isTrue();
        return code.group(1);
    }

    private static void save(StaffBrowser browser, String name) throws Exception {
        browser.save(name);
        Files.createDirectories(DOCS);
        Files.copy(StaffBrowser.SCREENSHOTS.resolve(name + ".png"), DOCS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String tag(String[] shot) {
        return (shot[0].startsWith("en") ? "en" : "zh") + "-" + shot[1];
    }
}
