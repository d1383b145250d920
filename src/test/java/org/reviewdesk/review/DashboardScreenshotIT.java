package org.reviewdesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.reviewdesk.RealProcessesOnly;
import org.reviewdesk.LanguagesAndWidths;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.registration.RegistrationReview;
import org.reviewdesk.namechange.NameChangeFixture;
import org.reviewdesk.registration.ReviewFixture;
import org.reviewdesk.representative.RepresentativeFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The supervisor's dashboard in a real headless Chromium, with work open and overdue and with real
 * decisions of the demo reviewers (registrations approved, rejected and sent back for documents
 * through the review service): the per-person table shows display names and the figures, and the
 * outcome table adds up to the decided tiles. The README's {@code dashboard.png} (Chinese) and
 * {@code dashboard-en.png}, at 1280 px; 1366 and 390 px looked at too.
 */
@RealProcessesOnly
class DashboardScreenshotIT {

    private static final CurrentUser REVIEWER = new CurrentUser("reviewer", "审核员 王芳", Set.of(Role.REVIEWER));
    private static final CurrentUser REVIEWER2 = new CurrentUser("reviewer2", "审核员 李强", Set.of(Role.REVIEWER));

    /** Visible cells (headers too) of the dashboard's tables whose text is wider or taller than the cell: cut short. */
    private static final String CUT_CELLS = """
            return [...document.querySelectorAll('.work-overview vaadin-grid vaadin-grid-cell-content')]
              .filter(e => e.offsetParent !== null && e.getClientRects().length > 0 && e.textContent.trim() !== '')
              .filter(e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1).map(e => e.textContent.trim());""";
    /** Person names ("审核主管 陈静") whose last word (the person's own name) is split over two lines. */
    private static final String BROKEN_NAMES = """
            return [...document.querySelectorAll('#person-counts vaadin-grid-cell-content')]
              .filter(e => e.offsetParent !== null && /^\\S+ \\S+$/.test(e.textContent.trim()))
              .filter(e => {
                const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  const space = n.data.trimEnd().lastIndexOf(' ');
                  if (space < 0) continue;
                  const range = document.createRange();
                  range.setStart(n, space + 1);
                  range.setEnd(n, n.data.trimEnd().length);
                  const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                  return tops.size > 1;
                }
                return false;
              }).map(e => e.textContent.trim());""";

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired RegistrationReview reviews;
    @Autowired TaskService tasks;

    @Test
    void aSupervisorSeesOpenOverdueAndDecidedWorkPerPerson() throws Exception {
        OffsetDateTime now = OffsetDateTime.now();
        List<String> open = List.of("成都示例科技有限公司", "重庆示例贸易有限公司", "贵阳示例物流有限公司", "昆明示例建材有限公司",
                "西安示例软件有限公司", "武汉示例餐饮管理有限公司", "长沙示例文化传媒有限公司", "南宁示例农业发展有限公司");
        for (int i = 0; i < open.size(); i++) {
            // the real processes, cases made through their services (the README's picture shows no test model)
            String number = switch (i % 4) {
                case 1 -> RepresentativeFixture.inReview(context, open.get(i));
                case 3 -> NameChangeFixture.inReview(context, open.get(i), open.get(i).replace("有限公司", "集团有限公司"));
                default -> ReviewFixture.inReview(context, open.get(i));
            };
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult();
            if (i % 3 == 0) {
                tasks.setDueDate(task.getId(), java.util.Date.from(now.minusDays(1).toInstant()));
            }
            switch (i % 4) {
                case 0, 1 -> tasks.setAssignee(task.getId(), "reviewer");
                case 2 -> tasks.setAssignee(task.getId(), "reviewer2");
                default -> { } // unclaimed
            }
        }
        String reason = reviews.rejectionReasons(REVIEWER).stream().filter(r -> !r.textRequired()).findFirst().orElseThrow().code();
        reviews.decide(ReviewFixture.inReview(context, "兰州示例机械制造有限公司"), new ReviewDecision.Approve(null), REVIEWER2);
        reviews.decide(ReviewFixture.inReview(context, "拉萨示例旅游服务有限公司"), new ReviewDecision.Approve(null), REVIEWER);
        reviews.decide(ReviewFixture.inReview(context, "银川示例能源有限公司"), new ReviewDecision.Reject(List.of(reason), null), REVIEWER2);
        reviews.decide(ReviewFixture.inReview(context, "西宁示例医药有限公司"),
                ReviewDecision.RequestDocuments.of(List.of("business-licence"), "营业执照照片模糊，请重新拍摄"), REVIEWER);

        LanguagesAndWidths.look(port, "supervisor", "/work", List.of(1280, 1366, 390), 1800, (browser, language, width) -> {
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("person-counts"), "审核员 王芳"));
            assertThat(browser.text("person-counts")).contains("审核员 王芳", "审核员 李强", "审核主管 陈静");
            LanguagesAndWidths.assertFits(browser, "person-counts", language, width);
            String shot = "dashboard-" + language + "-" + width;
            browser.save(shot);
            org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser.driver();
            assertThat((List<?>) js.executeScript(CUT_CELLS)).as("%s at %d px: dashboard cells cut short", language, width).isEmpty();
            assertThat((List<?>) js.executeScript(BROKEN_NAMES)).as("%s at %d px: a person's name broken across lines", language, width)
                    .isEmpty();
            if (width == 1280) {
                LanguagesAndWidths.readmeImage(shot, language.equals("en") ? "dashboard-en" : "dashboard");
            }
            if (width == 390) {
                LanguagesAndWidths.readmeImage(shot, language.equals("en") ? "dashboard-390-en" : "dashboard-390");
            }
            System.out.printf("dashboard %s at %d px: %s | %s%n", language, width, browser.text("tile-team-today").replace('\n', ' '),
                    browser.text("team-outcomes").replace('\n', ' '));
        });
    }
}
