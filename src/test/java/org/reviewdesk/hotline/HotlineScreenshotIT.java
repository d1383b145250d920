package org.reviewdesk.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.StaffBrowser;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The hotline agent's case screen in a real headless Chromium, on a desk (1366 px, Chinese and
 * English) and a phone (390 px): the demo's renamed enterprise found by a fragment of its former name,
 * opened with Enter from the search box, its account masked, the knowledge base beside it with the
 * answer about an unreachable representative. The screenshots are the README's {@code hotline-*.png}.
 */
@ApplicationTest
class HotlineScreenshotIT {

    @LocalServerPort int port;
    @org.springframework.beans.factory.annotation.Autowired WorkOrders orders;

    @Test
    void theCaseScreenShowsTheRecordAndTheKnowledgeBaseOnADeskAndOnAPhone() throws Exception {
        // an earlier call of the organisation, so the record lists a work order
        orders.intake(new WorkOrderRequest("王先生", "13900000006", WorkOrderCategory.ENQUIRY, "询问更名后法人账号名称何时同步",
                "91440300MA5G00006C", null, IntakeChannel.PHONE), WorkOrderFixture.AGENT, java.util.Locale.SIMPLIFIED_CHINESE);
        shoot(1366, 900, "zh", "hotline-1366");
        shoot(1366, 900, "en", "hotline-1366-en");
        shoot(390, 1600, "zh", "hotline-390");
    }

    private void shoot(int width, int height, String language, String name) throws Exception {
        try (StaffBrowser browser = new StaffBrowser(port, width, height)) {
            // the language is taken from the cookie when the session starts: set it, start afresh, then sign in
            browser.open("/login");
            browser.driver().manage().addCookie(new Cookie("rd-lang", language));
            browser.driver().manage().deleteCookieNamed("JSESSIONID");
            browser.signIn("hotline");
            browser.open("/hotline?kb=" + URLEncoder.encode("法定代表人 无法联系", StandardCharsets.UTF_8));
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("case-search")));
            var input = browser.driver().findElement(By.cssSelector("#case-search input"));
            input.sendKeys("示范电子");
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".case-hit--selected")));
            input.sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-account"), "91440300MA5G00006C"));
            assertThat(browser.text("case-account")).contains("138****0006").doesNotContain("13800000006");
            browser.save(name);
        }
    }
}
