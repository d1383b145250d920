package org.reviewdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 4's and 5's journey in a real headless Chromium, in Chinese. An out-of-province applicant
 * fills the form, uploads a PDF and two photos through the browser's file input, submits, notes
 * the number and code, opens the status page with them and downloads the acceptance receipt. A
 * reviewer signs in, finds the application in the inbox, claims it, pages through the licence's
 * previews and asks for one photo again; the applicant uploads a new version on the status page;
 * the reviewer sees both versions side by side and approves; the applicant's status page shows the
 * approval. The job executor is off in tests, so the test runs the process's jobs where a node's
 * executor would.
 */
@ApplicationTest
class RegistrationJourneyIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The journey's shots that are the README's images, by the README's names: retaken with every run. */
    private static final java.util.Map<String, String> README_IMAGES = java.util.Map.of("apply-1-details", "applicant-form",
            "status-2-open", "applicant-status", "review-3-opened", "review", "review-3-decision", "review-decision",
            "review-1-inbox", "journey-inbox");
    private static final int WIDTH = 1280;

    @LocalServerPort
    int port;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    WebDriver browser;
    Path profile;
    Path files;

    @BeforeEach
    void startBrowser() throws Exception {
        profile = Files.createTempDirectory("chromium-profile");
        files = Files.createTempDirectory("applicant-files");
        browser = HeadlessChromium.start(profile, WIDTH, 900);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stopBrowser() throws Exception {
        if (browser != null) {
            save("journey-last"); // where the journey ended, for a failure's diagnosis
            browser.quit();
        }
    }

    @Test
    void anApplicantAppliesAReviewerAsksForOnePhotoAgainAndApprovesTheNewVersion() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get("http://localhost:" + port + "/apply");
        new WebDriverWait(browser, Duration.ofSeconds(120))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#apply-name input")));
        assertThat(browser.findElement(By.cssSelector(".applicant-header__portal")).getText()).isEqualTo("四川政务服务网");

        // step 1: the legal person
        browser.findElements(By.cssSelector("#apply-legalPersonType vaadin-radio-button")).get(0).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("apply-checklist"), "营业执照"));
        type("apply-name", "深圳市腾讯计算机系统有限公司");
        type("apply-uscc", "914403001922038216");
        type("apply-representativeName", "张三");
        type("apply-representativeIdNumber", "11010519491231002X");
        type("apply-representativeMobile", "13812345678");
        type("apply-contactMobile", "13812345678");
        // the contact mobile is proven with an SMS code, read where a tester on the embedded defaults finds it
        browser.findElement(By.id("apply-sendCode")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("apply-codeSent"), "138****5678"));
        type("apply-mobileCode", org.reviewdesk.registration.MobileProofFixture.smsCode(jdbc, "13812345678"));
        saveFull("apply-1-details");
        browser.manage().window().setSize(new Dimension(390, 844));
        save("apply-1-details-phone");
        browser.manage().window().setSize(new Dimension(WIDTH, 900));
        browser.findElement(By.id("apply-next-1")).click();

        // step 2: documents through the browser's file input
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#document-business-licence vaadin-upload")));
        upload("business-licence", pdf("营业执照.pdf"));
        upload("id-representative-front", png("身份证人像面.png", new Color(196, 214, 236)));
        upload("id-representative-back", png("身份证国徽面.png", new Color(236, 214, 196)));
        waitForThumbnails(wait, 3);
        saveFull("apply-2-documents");
        browser.findElement(By.id("apply-next-2")).click();

        // step 3: review
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("apply-summary"), "914403001922038216"));
        assertThat(browser.findElement(By.id("apply-summary")).getText()).contains("深圳市腾讯计算机系统有限公司", "营业执照.pdf");
        saveFull("apply-3-review");
        browser.findElement(By.id("apply-next-3")).click();

        // step 4: declaration and submission
        WebElement declaration = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("apply-declaration")));
        declaration.click();
        saveFull("apply-4-declaration");
        browser.findElement(By.id("apply-submit")).click();
        String number = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result-number"))).getText();
        String code = browser.findElement(By.id("result-code")).getText();
        assertThat(number).matches("RD\\d{14}");
        assertThat(code).matches("[2-9A-Z]{8}");
        assertThat(browser.findElement(By.cssSelector(".applicant-result")).getText()).contains("138****5678");
        saveFull("apply-5-result");

        String receiptHref = browser.findElement(By.id("receipt-download")).getAttribute("href");
        HttpResponse<byte[]> receipt = fetch(receiptHref);
        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(new String(receipt.body(), 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
        assertThat(receipt.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("attachment"));
        Files.write(SCREENSHOTS.resolve("receipt-" + number + ".pdf"), receipt.body());

        // the status page, number filled in from the result's link
        browser.findElement(By.id("result-status-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#status-code input")));
        assertThat(browser.findElement(By.cssSelector("#status-number input")).getAttribute("value")).isEqualTo(number);
        type("status-code", "WRONG234");
        browser.findElement(By.id("status-open")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("status-code"), "invalid", "true"));
        assertThat(browser.findElement(By.id("status-code")).getText()).contains("申请编号或查询码不正确");
        save("status-1-wrong-code");

        browser.findElement(By.cssSelector("#status-code input")).clear();
        type("status-code", code);
        browser.findElement(By.id("status-open")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-state"), "已提交，自动核验中"));
        assertThat(browser.findElement(By.id("status-timeline")).getText()).contains("提交申请");
        waitForStatusThumbnails(wait, 3);
        saveFull("status-2-open");
        assertThat(fetch(browser.findElement(By.id("receipt-download")).getAttribute("href")).body()).startsWith("%PDF".getBytes());

        runJobs(number); // the automated checks, as a node's job executor would
        reviewerAsksForAPhotoAgain(wait, number);
        applicantUploadsTheNewVersion(wait, number, code);
        reviewerComparesAndApproves(wait, number);
        runJobs(number);
        openStatus(wait, number, code);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-state"), "审核通过"));
        saveFull("status-5-approved");
        assertThat(HeadlessChromium.contentSecurityPolicyViolations(browser))
                .as("the applicant's and the reviewer's pages ran under the Content-Security-Policy").isEmpty();
    }

    private void reviewerAsksForAPhotoAgain(WebDriverWait wait, String number) throws Exception {
        signIn(wait, "reviewer");
        browser.get("http://localhost:" + port + "/review/inbox");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("tab-UNCLAIMED"))).click();
        WebElement search = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#inbox-search input")));
        search.sendKeys(number, Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("inbox-grid"), number));
        wait.until(d -> openButtons().size() == 1); // the search has applied
        saveFull("review-1-inbox");
        // the grid may render its row again after the search (a late page of the data provider): a click on
        // the row it replaced goes nowhere, so click the row as it is now until the review view opens
        wait.until(d -> {
            List<WebElement> buttons = openButtons();
            if (!d.getCurrentUrl().contains("/review/task/") && buttons.size() == 1) {
                open(buttons.get(0));
            }
            return d.getCurrentUrl().contains("/review/task/");
        });

        wait.until(ExpectedConditions.elementToBeClickable(By.id("review-claim"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("decision-verdicts")));
        // page through the licence's two pages
        WebElement licence = browser.findElement(By.id("slot-business-licence"));
        assertThat(licence.findElement(By.cssSelector(".workbench-pager__position")).getText()).isEqualTo("第 1 / 2 页");
        click(licence.findElement(By.cssSelector(".workbench-pager__next")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#slot-business-licence .workbench-pager__position"), "第 2 / 2 页"));
        wait.until(d -> thumbnailsLoaded("#slot-business-licence .workbench-pager__image") >= 1);

        verdict("business-licence", 0);
        verdict("id-representative-back", 0);
        verdict("id-representative-front", 1);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#verdict-reason-id-representative-front textarea")))
                .sendKeys("照片反光，姓名一栏看不清，请在无反光处重新拍摄。", Keys.TAB);
        click(browser.findElements(By.cssSelector("#decision-outcome vaadin-radio-button")).get(2));
        saveFull("review-2-request");
        click(browser.findElement(By.id("decision-submit")));
        wait.until(ExpectedConditions.urlContains("/review/inbox"));
        signOut();
    }

    private void applicantUploadsTheNewVersion(WebDriverWait wait, String number, String code) throws Exception {
        openStatus(wait, number, code);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("supplement-item-id-representative-front"), "照片反光"));
        WebElement upload = browser.findElement(By.cssSelector("#supplement-id-representative-front vaadin-upload"));
        upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"))
                .sendKeys(png("身份证人像面-重拍.png", new Color(214, 236, 196)).toAbsolutePath().toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#supplement-id-representative-front .document-upload-field__summary"), "已上传"));
        saveFull("status-3-supplement");
        click(browser.findElement(By.id("supplement-answer")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-state"), "审核中"));
        saveFull("status-4-answered");
    }

    private void reviewerComparesAndApproves(WebDriverWait wait, String number) throws Exception {
        signIn(wait, "reviewer");
        // the review went back to the reviewer who asked: in MINE
        browser.get("http://localhost:" + port + "/review/inbox");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("tab-MINE"))).click();
        WebElement search = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#inbox-search input")));
        search.sendKeys(number, Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("inbox-grid"), number));
        wait.until(d -> openButtons().size() == 1); // the search has applied
        // then straight to the task's address (a bookmark)
        String task = tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult().getId();
        browser.get("http://localhost:" + port + "/review/task/" + task);

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("review-header")));
        save("review-3-opened");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("decision-verdicts")));
        assertThat(browser.findElements(By.cssSelector("#slot-id-representative-front .workbench-version"))).hasSize(2);
        wait.until(d -> thumbnailsLoaded("#slot-id-representative-front .workbench-pager__image") >= 2);
        saveFull("review-3-versions");
        verdict("business-licence", 0);
        verdict("id-representative-back", 0);
        verdict("id-representative-front", 0);
        click(browser.findElements(By.cssSelector("#decision-outcome vaadin-radio-button")).get(0));
        save("review-3-decision");
        click(browser.findElement(By.id("decision-submit")));
        // an approval is confirmed first, in a dialog that repeats the outcome and the case number
        WebElement confirm = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-confirm-dialog-overlay")));
        wait.until(d -> confirm.getText().contains(number));
        saveFull("review-3-confirm");
        click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-button[slot='confirm-button']"))));
        wait.until(ExpectedConditions.urlContains("/review/inbox"));
        signOut();
    }

    private void verdict(String slot, int choice) {
        click(browser.findElements(By.cssSelector("#verdict-" + slot + " vaadin-radio-button")).get(choice));
    }

    /** Scrolls the element to the middle of the window first: sticky cards cover the window's edges. */
    private void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /**
     * The shown rows' 办理 buttons. The grid keeps the cells of rows it no longer shows (hidden, with
     * their old buttons) when a search leaves fewer rows, so only displayed buttons count.
     */
    private List<WebElement> openButtons() {
        // a row the grid renders again between the look-up and the check is not shown any more: skipped, not an error
        return browser.findElements(By.cssSelector("#inbox-grid .inbox-open")).stream().filter(e -> {
            try {
                return e.isDisplayed();
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                return false;
            }
        }).toList();
    }

    /** A row's 办理 button, scrolled to the middle of the window and clicked. */
    private void open(WebElement button) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", button);
    }

    private void openStatus(WebDriverWait wait, String number, String code) {
        browser.get("http://localhost:" + port + "/status");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#status-code input")));
        WebElement numberField = browser.findElement(By.cssSelector("#status-number input"));
        numberField.clear();
        numberField.sendKeys(number);
        type("status-code", code);
        browser.findElement(By.id("status-open")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("status-state")));
    }

    private void signIn(WebDriverWait wait, String username) {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
        browser.findElement(By.cssSelector("input[name='username']")).sendKeys(username);
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys("ReviewDesk2026", Keys.ENTER);
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private void signOut() {
        browser.manage().deleteAllCookies();
    }

    /** Every due job of this application's process (its checks, its account), until none is left. */
    private void runJobs(String number) {
        ProcessJobs.runDue(runtime, management, number);
    }

    private void type(String id, String text) {
        WebElement input = browser.findElement(By.cssSelector("#" + id + " input"));
        input.sendKeys(text, Keys.TAB);
    }

    /** Hands the file to the vaadin-upload's own file input (in its shadow root), as the file chooser would. */
    private void upload(String slot, Path file) {
        WebElement upload = browser.findElement(By.cssSelector("#document-" + slot + " vaadin-upload"));
        WebElement input = upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"));
        input.sendKeys(file.toAbsolutePath().toString());
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#document-" + slot + " .document-upload-field__summary"), "已上传"));
    }

    private void waitForThumbnails(WebDriverWait wait, int count) {
        wait.until(d -> thumbnailsLoaded(".document-upload-field__image") >= count);
    }

    private void waitForStatusThumbnails(WebDriverWait wait, int count) {
        wait.until(d -> thumbnailsLoaded(".applicant-document__thumbnail") >= count);
    }

    private long thumbnailsLoaded(String selector) {
        Object loaded = ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll(arguments[0])).filter(i => i.complete && i.naturalWidth > 0).length;",
                selector);
        return ((Number) loaded).longValue();
    }

    /** A GET in the browser's session (its cookie), e.g. the receipt link. */
    private HttpResponse<byte[]> fetch(String href) throws Exception {
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        HttpRequest request = HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "JSESSIONID=" + session.getValue()).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private Path pdf(String name) throws Exception {
        Path file = files.resolve(name);
        try (PDDocument document = new PDDocument()) {
            for (String line : List.of("Business licence", "Page 2")) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.setNonStrokingColor(new Color(200, 40, 40));
                    content.addRect(60, 600, 475, 180);
                    content.fill();
                    content.beginText();
                    content.setNonStrokingColor(Color.WHITE);
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 32);
                    content.newLineAtOffset(90, 680);
                    content.showText(line);
                    content.endText();
                }
            }
            document.save(file.toFile());
        }
        return file;
    }

    private Path png(String name, Color background) throws Exception {
        BufferedImage image = new BufferedImage(856, 540, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, 856, 540);
        g.setColor(new Color(60, 90, 140));
        g.fillRoundRect(40, 60, 220, 280, 20, 20);
        g.fillRect(300, 80, 480, 24);
        g.fillRect(300, 140, 380, 24);
        g.fillRect(300, 200, 420, 24);
        g.dispose();
        Path file = files.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private void save(String name) throws Exception {
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0);");
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        if (README_IMAGES.containsKey(name)) {
            Files.copy(SCREENSHOTS.resolve(name + ".png"), Path.of("docs", "images", README_IMAGES.get(name) + ".png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The whole page, not only the window: the window grows to the page's height for the shot. */
    private void saveFull(String name) throws Exception {
        long height = ((Number) ((JavascriptExecutor) browser).executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);")).longValue();
        browser.manage().window().setSize(new Dimension(WIDTH, (int) Math.min(4000, Math.max(900, height + 120))));
        // the page has taken the window's new size and drawn a frame in it (two frames: layout, then paint)
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> ((Number) ((JavascriptExecutor) d)
                .executeScript("return window.outerHeight;")).intValue() == d.manage().window().getSize().getHeight());
        ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(done));");
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0);");
        save(name);
        browser.manage().window().setSize(new Dimension(WIDTH, 900));
    }
}
