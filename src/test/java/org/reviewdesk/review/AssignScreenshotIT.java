package org.reviewdesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.reviewdesk.RealProcessesOnly;
import org.reviewdesk.StaffBrowser;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.registration.RegistrationReview;
import org.reviewdesk.registration.ReviewFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14 items 2, 5 and 18 in a real headless Chromium at 1366 px, in Chinese and English: the
 * supervisor's overview with the outcomes by kind and the automatic assignment switches, and the
 * registration workbench with the representative's ID number revealed. The screenshots are the
 * README's {@code assign-*.png} (the dashboard's copied to {@code docs/images} by the test, of the real processes
 * only: {@link RealProcessesOnly}).
 */
@RealProcessesOnly
class AssignScreenshotIT {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired RegistrationReview reviews;
    @Autowired TaskService tasks;
    @Autowired Inbox inbox;
    @Autowired AutoAssignment assignment;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void cleared() {
        jdbc.sql("delete from review_auto_assign").update();
        jdbc.sql("delete from review_presence").update();
    }

    @Test
    void theOverviewCountsOutcomesByKindAndOffersTheSwitches() throws Exception {
        // real registrations decided through the review service (the README's picture shows no test model)
        OffsetDateTime now = OffsetDateTime.now();
        CurrentUser reviewer = new CurrentUser("reviewer", "审核员 王芳", Set.of(Role.REVIEWER));
        CurrentUser reviewer2 = new CurrentUser("reviewer2", "审核员 李强", Set.of(Role.REVIEWER));
        String reason = reviews.rejectionReasons(reviewer).stream().filter(r -> !r.textRequired()).findFirst().orElseThrow().code();
        List<String> towns = List.of("成都", "绵阳", "德阳", "宜宾", "南充", "泸州");
        List<String> outcomes = List.of("APPROVE", "APPROVE", "REJECT", "REQUEST_DOCUMENTS", "APPROVE", "REQUEST_DOCUMENTS");
        for (int i = 0; i < outcomes.size(); i++) {
            String number = ReviewFixture.inReview(context, towns.get(i) + "示例商贸有限公司");
            ReviewDecision decision = switch (outcomes.get(i)) {
                case "APPROVE" -> new ReviewDecision.Approve(null);
                case "REJECT" -> new ReviewDecision.Reject(List.of(reason), null);
                default -> ReviewDecision.RequestDocuments.of(List.of("business-licence"), "营业执照照片模糊，请重新拍摄");
            };
            reviews.decide(number, decision, i % 2 == 0 ? reviewer : reviewer2);
        }
        for (int i = 0; i < 3; i++) {
            String number = ReviewFixture.inReview(context, List.of("重庆", "昆明", "贵阳").get(i) + "示例物流有限公司");
            Task open = tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult();
            if (i == 0) {
                tasks.setDueDate(open.getId(), java.util.Date.from(now.minusDays(1).toInstant()));
            }
            tasks.setAssignee(open.getId(), i == 2 ? "reviewer2" : "reviewer");
        }
        CurrentUser supervisor = new CurrentUser("supervisor", Set.of(Role.SUPERVISOR, Role.REVIEWER));
        assignment.switchTo("registration", Role.REVIEWER, true, supervisor);
        assignment.setPresent(true, new CurrentUser("reviewer", Set.of(Role.REVIEWER)));

        for (String language : List.of("zh", "en")) {
            try (StaffBrowser browser = new StaffBrowser(port, 1366, 1750)) {
                browser.signIn("supervisor");
                browser.open("/work");
                inLanguage(browser, language, "team-outcomes", language.equals("en") ? "Doc requests" : "要求补正");
                browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("auto-assign-settings"),
                        language.equals("en") ? "Automatic assignment" : "自动分配"));
                assertThat(browser.text("group-counts")).doesNotContain(language.equals("en") ? "hotline" : "话务员");
                browser.save("assign-dashboard-" + language);
                org.reviewdesk.LanguagesAndWidths.readmeImage("assign-dashboard-" + language, "assign-dashboard-" + language);
            }
        }
    }

    @Test
    void theReviewerRevealsTheRepresentativesIdNumberInTheWorkbench() throws Exception {
        String number = ReviewFixture.inReview(context, "贵阳示例揭示科技有限公司");
        String taskId = InboxFixtures.unclaimedTaskOf(inbox, number, new CurrentUser("reviewer", Set.of(Role.REVIEWER)));

        for (String language : List.of("zh", "en")) {
            try (StaffBrowser browser = new StaffBrowser(port, 1366, 1100)) {
                browser.signIn("reviewer");
                browser.open("/review/task/" + taskId);
                inLanguage(browser, language, "workbench-application", language.equals("en") ? "Show in full" : "查看完整");
                browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("reveal-representative-id-number"))).click();
                browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("workbench-application"),
                        ReviewFixture.REPRESENTATIVE_ID));
                browser.save("assign-workbench-" + language);
            }
        }
        assertThat(jdbc.sql("select count(*) from audit_record where actor = 'reviewer' and action = 'PERSONAL_DATA_REVEALED'"
                + " and case_ref = :n").param("n", number).query(Long.class).single()).isEqualTo(2);
    }

    /** The page in this language (the choice is kept per user, so it may already be), once {@code id} shows {@code text}. */
    private static void inLanguage(StaffBrowser browser, String language, String id, String text) {
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        if (!browser.text(id).contains(text)) {
            browser.chooseLanguage(language.equals("en") ? "English" : "中文");
        }
        browser.waiting().ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.id(id)).stream().anyMatch(e -> e.getText().contains(text)));
    }
}
