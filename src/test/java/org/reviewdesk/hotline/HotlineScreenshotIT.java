package org.reviewdesk.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.reviewdesk.LanguagesAndWidths;
import org.springframework.context.ApplicationContext;
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
    @org.springframework.beans.factory.annotation.Autowired ApplicationContext context;
    @org.springframework.beans.factory.annotation.Autowired TaskService tasks;

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
            // the English label column (CSS html[lang^="en"] .case-record ...) needs the page's lang to follow the UI
            assertThat(pageLanguage(browser)).as("the page's lang attribute").startsWith(language);
            if (width > 600) {
                double labelEm = labelColumnEm(browser);
                if (language.equals("en")) {
                    assertThat(labelEm).as("English label column of the record, in em").isGreaterThanOrEqualTo(9.0);
                } else {
                    assertThat(labelEm).as("Chinese label column of the record, in em").isLessThan(7.0);
                }
            }
            browser.save(name);
        }
    }

    /**
     * Issue 14 on a real phone (390 px, emulated), Chinese and English: the agent's home, an organisation's record,
     * the new-work-order dialog open over it, and the handler's view of a signed work order never scroll sideways
     * (nor does the dialog stick out of the screen). Screenshots {@code target/screenshots/hotline-phone-*.png}.
     */
    @Test
    void theHotlineScreensFitAPhoneInBothLanguages() throws Exception {
        String number = WorkOrderFixture.signed(context, WorkOrderCategory.ENQUIRY);
        await().atMost(Duration.ofMinutes(1)).until(() -> handleTask(number) != null);
        for (String language : List.of("zh", "en")) {
            try (StaffBrowser agent = signedIn(390, 1000, language, "hotline")) {
                agent.open("/hotline");
                agent.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("case-search")));
                fits(agent, "hotline-phone-home-" + language);
                var input = agent.driver().findElement(By.cssSelector("#case-search input"));
                input.sendKeys("示范电子");
                agent.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".case-hit--selected")));
                input.sendKeys(Keys.ENTER);
                agent.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-account"), "91440300MA5G00006C"));
                fits(agent, "hotline-phone-record-" + language);
                WebElement open = agent.driver().findElement(By.id("case-new-work-order"));
                ((JavascriptExecutor) agent.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", open);
                agent.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("intake-caller-name")));
                fits(agent, "hotline-phone-dialog-" + language);
                assertThat(dialogOverflow(agent)).as("the new-work-order dialog (%s) at 390 px sticks out by", language)
                        .isLessThanOrEqualTo(0);
            }
            try (StaffBrowser handler = signedIn(390, 1000, language, "handler")) {
                handler.open("/review/task/" + handleTask(number).getId());
                handler.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("workorder-reply")));
                fits(handler, "hotline-phone-handler-" + language);
            }
        }
    }

    private void fits(StaffBrowser browser, String shot) throws Exception {
        browser.save(shot);
        assertThat(LanguagesAndWidths.pageOverflow(browser)).as("%s: the page scrolls sideways at 390 px by", shot)
                .isLessThanOrEqualTo(0);
    }

    private Task handleTask(String number) {
        return tasks.createTaskQuery().processInstanceBusinessKey(number)
                .taskDefinitionKey(WorkOrderProcess.Activity.HANDLE).singleResult();
    }

    private StaffBrowser signedIn(int width, int height, String language, String user) throws Exception {
        return StaffBrowser.signedIn(port, width, height, language, user);
    }

    private static String pageLanguage(StaffBrowser browser) {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript("return document.documentElement.lang");
    }

    /** The record's label column in em of its own font size. */
    private static double labelColumnEm(StaffBrowser browser) {
        return ((Number) ((JavascriptExecutor) browser.driver()).executeScript("""
                const row = document.querySelector('.case-record .workbench-facts__row');
                const style = getComputedStyle(row);
                return parseFloat(style.gridTemplateColumns.split(' ')[0]) / parseFloat(style.fontSize);""")).doubleValue();
    }

    /** How far the open dialog's box or its content runs past the screen's or its own width (0 when it does not). */
    private static long dialogOverflow(StaffBrowser browser) {
        return ((Number) ((JavascriptExecutor) browser.driver()).executeScript("""
                const overlay = document.querySelector('vaadin-dialog-overlay[opened]');
                const box = overlay.shadowRoot.querySelector('[part=overlay]');
                const content = overlay.shadowRoot.querySelector('[part=content]');
                const rect = box.getBoundingClientRect();
                return Math.ceil(Math.max(rect.right - window.innerWidth, -rect.left,
                        content.scrollWidth - content.clientWidth, box.scrollWidth - box.clientWidth));""")).longValue();
    }
}
