package org.reviewdesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.HeadlessChromium;
import org.reviewdesk.StaffHttpClient;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.documents.intake.DocumentService;
import org.reviewdesk.documents.intake.TextPdfs;
import org.reviewdesk.registration.RegistrationProcess;
import org.reviewdesk.registration.RegistrationReview;
import org.reviewdesk.registration.ReviewFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The review view's additions for real: the vendored bpmn-js viewer over HTTP (served from the
 * jar's static resources, to signed-in staff only); in a headless Chromium the diagram drawn as SVG
 * with the current step marked, and the documents panel's text-layer cross-check.
 */
@ApplicationTest
class ReviewViewIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String PASSWORD = "ReviewDesk2026";

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired Inbox inbox;
    @Autowired JdbcClient jdbc;
    @Autowired RegistrationReview reviews;
    @Autowired DocumentService documents;
    WebDriver browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        jdbc.sql("delete from login_throttle").update();
    }

    @Test
    void theViewerIsServedToSignedInStaffOnly() throws Exception {
        String viewer = "/vendor/bpmn-js/18.31.1/bpmn-viewer.production.min.js";
        StaffHttpClient visitor = new StaffHttpClient(port);
        assertThat(visitor.get(viewer).statusCode()).as("not for visitors").isIn(302, 401, 403);

        StaffHttpClient reviewer = new StaffHttpClient(port);
        reviewer.login("reviewer", PASSWORD);
        HttpResponse<String> script = reviewer.get(viewer);
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        assertThat(script.body()).startsWith("/*! bpmn-js - bpmn-viewer v18.31.1");
        for (String css : List.of("diagram-js.css", "bpmn-js.css")) {
            HttpResponse<String> sheet = reviewer.get("/vendor/bpmn-js/18.31.1/" + css);
            assertThat(sheet.statusCode()).as(css).isEqualTo(200);
            assertThat(sheet.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("text/css"));
        }
    }

    @Test
    void theReviewViewDrawsTheDiagramWithTheCurrentStepMarked() throws Exception {
        WebDriverWait wait = openReview(ReviewFixture.inReview(context, "成都流程图示例科技有限公司"));
        WebElement panel = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("process-diagram")));
        panel.findElement(By.cssSelector("[slot='summary']")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("process-diagram-canvas"), "data-state", "rendered"));

        WebElement canvas = browser.findElement(By.id("process-diagram-canvas"));
        assertThat(canvas.findElements(By.cssSelector("svg .djs-element.djs-shape")).size()).isGreaterThan(20);
        WebElement current = canvas.findElement(By.cssSelector(".djs-element.diagram-current"));
        assertThat(current.getAttribute("data-element-id")).isEqualTo(RegistrationProcess.Activity.REVIEW);
        assertThat(canvas.findElements(By.cssSelector(".djs-element.diagram-completed[data-element-id='"
                + RegistrationProcess.Activity.CHECK_DOCUMENTS + "']"))).hasSize(1);
        String stroke = (String) ((JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(arguments[0].querySelector('.djs-visual > rect')).strokeWidth;", current);
        assertThat(stroke).as("the theme's marker style reaches the SVG").isEqualTo("4px");
        assertThat(canvas.findElements(By.cssSelector(".bjs-powered-by"))).as("the bpmn.io watermark stays").hasSize(1);
        assertThat(org.reviewdesk.HeadlessChromium.contentSecurityPolicyViolations(browser))
                .as("the bpmn-js viewer works under the Content-Security-Policy").isEmpty();

        save("review-diagram");
    }

    /** Not the diagram, but the same page: the documents panel's text-layer cross-check as a reviewer sees it. */
    @Test
    void theDocumentsPanelShowsTheTextLayerCrossCheck() throws Exception {
        String name = "成都文字层示例科技有限公司";
        String number = ReviewFixture.inReview(context, name);
        String code = reviews.reviewCase(number, new CurrentUser("reviewer", Set.of(Role.REVIEWER))).uscc();
        documents.upload(number, "business-licence", "营业执照.pdf", "application/pdf", new ByteArrayInputStream(
                TextPdfs.withText("营业执照", "统一社会信用代码 " + code, "名称 " + name)), "applicant");
        WebDriverWait wait = openReview(number);

        WebElement licence = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("slot-business-licence")));
        wait.until(ExpectedConditions.textToBePresentInElement(licence, "统一社会信用代码：找到"));
        assertThat(licence.getText()).contains("企业名称：找到", "无文字层（扫描件）");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'});", licence);
        save("review-text-check");
    }

    private WebDriverWait openReview(String number) throws Exception {
        String taskId = InboxFixtures.unclaimedTaskOf(inbox, number, new CurrentUser("reviewer", Set.of(Role.REVIEWER)));
        browser = HeadlessChromium.start(Files.createTempDirectory("chromium-profile"), 1280, 900);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
        browser.get("http://localhost:" + port + "/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']"))).sendKeys("reviewer");
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys(PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        browser.get("http://localhost:" + port + "/review/task/" + taskId);
        return wait;
    }

    private void save(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
