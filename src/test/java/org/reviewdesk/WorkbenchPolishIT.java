package org.reviewdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.reviewdesk.documents.intake.DocumentService;
import org.reviewdesk.documents.intake.PreviewState;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.registration.RegistrationReview;
import org.reviewdesk.registration.RegistrationService;
import org.reviewdesk.registration.ReviewFixture;
import org.reviewdesk.review.DocumentVerdict;
import org.reviewdesk.review.Inbox;
import org.reviewdesk.review.InboxQuery;
import org.reviewdesk.review.InboxTab;
import org.reviewdesk.review.ReviewDecision;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14's rough edges of the review workbench and the supplement screen, in a real Chromium: the
 * decision panel at 1366×900 (no scrolling inside it, its button in sight, the confirmation), a
 * quarter-turned ID scan inside its frame, the second round's verdicts, and the applicant's supplement
 * screen on a phone. The screenshots go to {@code docs/images/polish-*.png}.
 */
@ApplicationTest
class WorkbenchPolishIT {

    static final Path IMAGES = Path.of("docs", "images");
    static final CurrentUser REVIEWER = new CurrentUser("reviewer", Set.of(Role.REVIEWER));

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired Inbox inbox;
    @Autowired RegistrationReview reviews;
    @Autowired RegistrationService registrations;
    @Autowired DocumentService documents;
    @Autowired JdbcClient jdbc;
    StaffBrowser browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        jdbc.sql("delete from login_throttle").update();
    }

    @Test
    void theDecisionPanelFitsTheWindowAndApprovingAsksFirst() throws Exception {
        String number = ReviewFixture.inReview(context, "成都界面示例科技有限公司");
        openClaimed(number, 1366, 900);

        click(browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#decision-outcome vaadin-radio-button"))));
        WebElement card = browser.driver().findElement(By.id("workbench-decision"));
        script("arguments[0].scrollIntoView({block: 'start'});", card);
        assertThat((Boolean) script("return arguments[0].scrollHeight <= arguments[0].clientHeight + 1;", card))
                .as("the panel does not scroll inside itself").isTrue();
        assertThat(visibleInWindow("decision-submit")).as("the submit button is in sight, uncovered").isTrue();
        save("polish-decision-1366-zh");

        click(browser.driver().findElement(By.id("decision-submit")));
        WebElement dialog = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-confirm-dialog-overlay")));
        browser.waiting().until(d -> dialog.getText().contains("通过 " + number + " 的申请？"));
        openingFinished(dialog);
        save("polish-decision-confirm-1366-zh");
        click(browser.driver().findElement(By.cssSelector("vaadin-button[slot='cancel-button']")));
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("vaadin-confirm-dialog-overlay")));

        browser.chooseLanguage("English");
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("workbench-decision"), "Outcome"));
        List<WebElement> outcomes = browser.driver().findElements(By.cssSelector("#decision-outcome vaadin-radio-button"));
        click(outcomes.get(1));
        click(browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#decision-reasons vaadin-checkbox"))));
        script("arguments[0].scrollIntoView({block: 'start'});", browser.driver().findElement(By.id("workbench-decision")));
        assertThat(visibleInWindow("decision-submit")).isTrue();
        save("polish-decision-1366-en");
        click(browser.driver().findElement(By.id("decision-submit")));
        WebElement english = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-confirm-dialog-overlay")));
        browser.waiting().until(d -> english.getText().contains("Reject the application " + number + "?"));
        openingFinished(english);
        save("polish-decision-confirm-1366-en");
        click(browser.driver().findElement(By.cssSelector("vaadin-button[slot='cancel-button']")));
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("vaadin-confirm-dialog-overlay")));
        browser.chooseLanguage("中文");
    }

    /** A screenshot taken while the overlay fades in shows the dialog half transparent over the page. */
    private void openingFinished(WebElement overlay) {
        browser.waiting().until(d -> Boolean.FALSE.equals(script("return arguments[0].hasAttribute('opening');", overlay)));
    }

    @Test
    void aQuarterTurnedIdScanStaysInsideItsFrame() throws Exception {
        String number = ReviewFixture.inReview(context, "成都旋转示例科技有限公司");
        long id = documents.upload(number, "id-representative-front", "身份证人像面.png", "image/png",
                new ByteArrayInputStream(landscapeCard()), "applicant").id();
        await().atMost(Duration.ofMinutes(3)).until(() -> documents.versions(number, "id-representative-front").stream()
                .filter(d -> d.id() == id).findFirst().orElseThrow().previewState() == PreviewState.READY);
        openClaimed(number, 1366, 900);

        WebElement slot = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("slot-id-representative-front")));
        WebElement image = slot.findElement(By.cssSelector(".workbench-version--newest .workbench-pager__image"));
        browser.waiting().until(d -> (Boolean) script("return arguments[0].complete && arguments[0].naturalWidth > 0;", image));
        script("arguments[0].scrollIntoView({block: 'center'});", slot);
        click(slot.findElement(By.cssSelector(".workbench-version--newest .workbench-pager__controls vaadin-button:last-child")));
        browser.waiting().until(d -> image.getAttribute("class").contains("rotate-90"));

        // the turn is animated: the image's painted box settles inside the frame
        browser.waiting().until(d -> (Boolean) script("""
                const image = arguments[0], frame = image.parentElement;
                const i = image.getBoundingClientRect(), f = frame.getBoundingClientRect();
                return i.height > i.width && i.top >= f.top - 1 && i.bottom <= f.bottom + 1
                    && i.left >= f.left - 1 && i.right <= f.right + 1;""", image));
        save("polish-rotated-id-1366");
    }

    @Test
    void theSecondRoundShowsTheLastVerdictsAndTheApplicantWasToldWhy() throws Exception {
        ReviewFixture.Applied applied = ReviewFixture.inReviewWithAccess(context, "成都补正示例科技有限公司");
        reviews.decide(applied.number(), new ReviewDecision.RequestDocuments(List.of(
                DocumentVerdict.newVersionNeeded("business-licence", "营业执照照片模糊，公章看不清，请上传清晰的扫描件。"),
                DocumentVerdict.accepted("id-representative-front"), DocumentVerdict.accepted("id-representative-back")), null), REVIEWER);

        browser = new StaffBrowser(port, 390, 844);
        openStatus(applied);
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("supplement-item-business-licence"), "公章看不清"));
        script("arguments[0].scrollIntoView({block: 'start'});", browser.driver().findElement(By.id("status-supplement")));
        save("polish-supplement-390-zh");
        WebElement chinese = browser.driver().findElement(By.id("supplement-item-business-licence"));
        browser.chooseLanguage("English");
        // the page reloads in English: the case is opened again if the reload forgot it
        browser.waiting().until(ExpectedConditions.stalenessOf(chinese));
        browser.waiting().until(d -> !d.findElements(By.id("supplement-item-business-licence")).isEmpty()
                || !d.findElements(By.id("status-open")).isEmpty());
        if (browser.driver().findElements(By.id("supplement-item-business-licence")).isEmpty()) {
            openStatus(applied);
        }
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("supplement-item-business-licence"), "new version needed"));
        script("arguments[0].scrollIntoView({block: 'start'});", browser.driver().findElement(By.id("status-supplement")));
        save("polish-supplement-390-en");
        browser.chooseLanguage("中文");
        browser.close();

        registrations.upload(applied.access(), "business-licence", "营业执照-清晰.png", "image/png",
                new ByteArrayInputStream(landscapeCard()));
        registrations.answerSupplement(applied.access());
        String taskId = inbox.page(new InboxQuery(InboxTab.MINE, null, applied.number(), null, InboxQuery.Sort.DUE, 0, 10), REVIEWER)
                .get(0).taskId();
        browser = new StaffBrowser(port, 1366, 900);
        browser.signIn("reviewer");
        browser.open("/review/task/" + taskId);
        WebElement previous = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("previous-business-licence")));
        assertThat(previous.getText()).contains("需要重新提交", "公章看不清", "此后已上传新版本");
        assertThat(browser.driver().findElement(By.id("previous-id-representative-front")).getText()).contains("合格", "此后未更新");
        script("arguments[0].scrollIntoView({block: 'start'});", browser.driver().findElement(By.cssSelector(".workbench-documents-section")));
        save("polish-second-round-1366-zh");
        WebElement licence = browser.driver().findElement(By.id("verdict-business-licence"));
        assertThat(licence.getDomProperty("helperText")).contains("上一轮：需要重新提交");
        script("arguments[0].scrollIntoView({block: 'start'});", browser.driver().findElement(By.id("workbench-decision")));
        save("polish-second-round-decision-1366-zh");
    }

    private void openClaimed(String number, int width, int height) throws Exception {
        String taskId = inbox.page(new InboxQuery(InboxTab.UNCLAIMED, null, number, null, InboxQuery.Sort.DUE, 0, 10), REVIEWER)
                .get(0).taskId();
        inbox.claim(taskId, REVIEWER);
        browser = new StaffBrowser(port, width, height);
        browser.signIn("reviewer");
        browser.open("/review/task/" + taskId);
    }

    private void openStatus(ReviewFixture.Applied applied) {
        browser.open("/status");
        WebElement numberField = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#status-number input")));
        numberField.clear();
        numberField.sendKeys(applied.number());
        browser.driver().findElement(By.cssSelector("#status-code input")).sendKeys(applied.accessCode(), Keys.TAB);
        WebElement open = browser.driver().findElement(By.id("status-open"));
        script("arguments[0].scrollIntoView({block: 'center'});", open);
        open.click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("status-state")));
    }

    /** The element's centre is inside the window and the element itself is what is drawn there. */
    private boolean visibleInWindow(String id) {
        return (Boolean) script("""
                const e = document.getElementById(arguments[0]), r = e.getBoundingClientRect();
                const x = r.left + r.width / 2, y = r.top + r.height / 2;
                if (r.top < 0 || r.bottom > window.innerHeight) return false;
                const top = document.elementFromPoint(x, y);
                return top === e || e.contains(top);""", id);
    }

    private Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) browser.driver()).executeScript(code, arguments);
    }

    private void click(WebElement element) {
        script("arguments[0].click();", element);
    }

    private void save(String name) throws Exception {
        Files.createDirectories(IMAGES);
        Files.write(IMAGES.resolve(name + ".png"), ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
    }

    /** A landscape card the size of an ID scan (85.6 × 54 mm at 254 dpi), with a frame and a line to see the turn by. */
    private static byte[] landscapeCard() throws Exception {
        BufferedImage card = new BufferedImage(856, 540, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = card.createGraphics();
        g.setColor(new Color(214, 228, 240));
        g.fillRect(0, 0, 856, 540);
        g.setColor(new Color(40, 80, 140));
        g.drawRect(12, 12, 831, 515);
        g.fillRect(40, 60, 200, 250);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 48));
        g.drawString("ID CARD  →", 300, 120);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(card, "png", out);
        return out.toByteArray();
    }
}
