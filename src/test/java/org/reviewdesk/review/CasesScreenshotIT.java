package org.reviewdesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.StaffBrowser;
import org.reviewdesk.hotline.IntakeChannel;
import org.reviewdesk.hotline.WorkOrderCategory;
import org.reviewdesk.hotline.WorkOrderRequest;
import org.reviewdesk.hotline.WorkOrders;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.registration.DraftCreated;
import org.reviewdesk.registration.RegistrationReview;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * /cases and a case page in a real headless Chromium, as the supervisor who looks for the cases waiting
 * for their applicants: the screenshots {@code cases-*.png} (1366 px in Chinese and English, 390 px).
 */
@ApplicationTest
class CasesScreenshotIT {

    private static final CurrentUser REVIEWER = new CurrentUser("reviewer", "审核员 王芳", Set.of(Role.REVIEWER));

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired RegistrationReview reviews;
    @Autowired Inbox inbox;
    @Autowired CaseComments comments;
    @Autowired WorkOrders orders;

    @Test
    void aSupervisorFindsTheCasesWaitingForApplicantsAndReadsOne() throws Exception {
        String waiting = null;
        List<String> names = List.of("重庆示例贸易有限公司", "贵阳示例物流有限公司", "昆明示例建材有限公司", "西安示例软件有限公司");
        for (int i = 0; i < names.size(); i++) {
            DraftCreated draft = CaseFixtures.submitted(context, names.get(i));
            String number = draft.applicationNumber();
            if (i == 3) {
                continue; // submitted, checks still to run
            }
            String task = CaseFixtures.afterChecks(context, number);
            inbox.claim(task, REVIEWER);
            if (i == 0) {
                comments.add(task, "营业执照照片反光，已请申请人重新上传。", REVIEWER);
                reviews.decide(number, ReviewDecision.RequestDocuments.of(List.of("business-licence"), "营业执照照片模糊，请重新拍摄"),
                        REVIEWER);
                waiting = number;
            } else if (i == 1) {
                reviews.decide(number, new ReviewDecision.Approve(null), REVIEWER);
            }
        }
        orders.intake(new WorkOrderRequest("王先生", "13900000016", WorkOrderCategory.ENQUIRY, "询问法人账号注册审核进度",
                null, null, IntakeChannel.PHONE), new CurrentUser("hotline", Set.of(Role.HOTLINE_AGENT)), Locale.SIMPLIFIED_CHINESE);

        for (String[] shot : new String[][] {{"1366", "900", "zh", ""}, {"1366", "900", "en", "-en"}, {"390", "1400", "zh", "-390"}}) {
            int width = Integer.parseInt(shot[0]);
            try (StaffBrowser browser = new StaffBrowser(port, width, Integer.parseInt(shot[1]))) {
                browser.open("/login");
                browser.driver().manage().addCookie(new Cookie("rd-lang", shot[2]));
                browser.driver().manage().deleteCookieNamed("JSESSIONID");
                browser.signIn("supervisor");
                browser.open("/cases?phase=WAITING_APPLICANT");
                browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.cases-list__number")));
                assertThat(browser.driver().findElements(By.cssSelector("a.cases-list__number")))
                        .extracting(e -> e.getText().strip()).contains(waiting);
                browser.save("cases-list" + shot[3]);
                browser.open("/cases");
                browser.waiting().until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("a.cases-list__number"), 3));
                browser.save("cases-all" + shot[3]);
                browser.open("/cases/" + waiting);
                browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("registration-workbench")));
                browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("case-comments")));
                assertThat(browser.driver().findElements(By.id("workbench-decision"))).isEmpty();
                browser.save("cases-page" + shot[3]);
            }
        }
    }
}
