package org.reviewdesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium signed in as a demo staff user of the running test application, saving
 * screenshots under {@code target/screenshots}. Waits are generous: the first page load compiles
 * nothing but is slow on a busy machine.
 */
public final class StaffBrowser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String DEMO_PASSWORD = "ReviewDesk2026";

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final int port;

    public StaffBrowser(int port, int width, int height) throws IOException {
        this(port, width, height, "zh-CN");
    }

    /** @param language the browser's language (Accept-Language), e.g. {@code en-US} */
    public StaffBrowser(int port, int width, int height, String language) throws IOException {
        this.port = port;
        this.driver = HeadlessChromium.start(Files.createTempDirectory("chromium-profile"), width, height, language);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(180));
        Files.createDirectories(SCREENSHOTS);
    }

    public WebDriver driver() {
        return driver;
    }

    public WebDriverWait waiting() {
        return wait;
    }

    /**
     * A browser whose session starts in {@code language} ("zh" or "en": the language cookie, read when the
     * session starts, as a returning user's browser sends it), signed in as {@code username}.
     */
    public static StaffBrowser signedIn(int port, int width, int height, String language, String username) throws IOException {
        StaffBrowser browser = new StaffBrowser(port, width, height);
        browser.open("/login");
        browser.driver.manage().addCookie(new org.openqa.selenium.Cookie("rd-lang", language));
        browser.driver.manage().deleteCookieNamed("JSESSIONID");
        browser.signIn(username);
        return browser;
    }

    public void signIn(String username) {
        open("/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
        driver.findElement(By.cssSelector("input[name='username']")).sendKeys(username);
        driver.findElement(By.cssSelector("input[name='password']")).sendKeys(DEMO_PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /**
     * Chooses a language in the shell's language switch, as a user does (the page reloads in it). Call
     * it only when the page is in the other language: choosing the shown one changes nothing.
     *
     * @param label the language as the switch names it: "中文" or "English"
     */
    public void chooseLanguage(String label) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-select.language-switch"))).click();
        By option = By.cssSelector("vaadin-select-item[role='option']");
        wait.until(d -> d.findElements(option).stream().anyMatch(i -> label.equals(i.getText().strip())));
        WebElement item = driver.findElements(option).stream().filter(i -> label.equals(i.getText().strip())).findFirst().orElseThrow();
        try {
            item.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException belowTheWindow) {
            // on an emulated phone the list opens as a sheet at the window's bottom edge and, with a text field
            // focused (the window clerk's search), its last option can sit just below it: the click a thumb would make
            ((JavascriptExecutor) driver).executeScript("arguments[0].click()", item);
        }
    }

    public void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    /** A GET in this browser's session (its cookie), as a download link would be followed; {@code href} may be relative. */
    public java.net.http.HttpResponse<byte[]> fetch(String href) throws IOException, InterruptedException {
        java.net.URI uri = java.net.URI.create("http://localhost:" + port + "/").resolve(href);
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(uri)
                .header("Cookie", "JSESSIONID=" + driver.manage().getCookieNamed("JSESSIONID").getValue()).GET().build();
        return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    }

    public String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    /** How wide the grid's columns are against how wide the grid is, in CSS pixels: sideways scrolling when the first is larger. */
    public List<Long> gridWidths(String gridId) {
        @SuppressWarnings("unchecked")
        List<Long> widths = (List<Long>) ((org.openqa.selenium.JavascriptExecutor) driver()).executeScript(
                "const t = arguments[0].$.table; return [t.scrollWidth, t.clientWidth];", driver().findElement(org.openqa.selenium.By.id(gridId)));
        return widths;
    }

    public void save(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
