package org.reviewdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver; nothing is downloaded):
 * a reviewer signs in and lands on their start page, in Chinese, rendered with a CJK font.
 */
@ApplicationTest
class BrowserIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;
    WebDriver browser;
    Path profile;

    @BeforeEach
    void startBrowser() throws Exception {
        profile = Files.createTempDirectory("chromium-profile");
        browser = HeadlessChromium.start(profile, 1280, 800);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aReviewerSignsInAndSeesTheirStartPageInChinese() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get("http://localhost:" + port + "/");
        WebDriverWait slowFirstLoad = new WebDriverWait(browser, Duration.ofSeconds(120));
        slowFirstLoad.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        save("login");

        browser.findElement(By.cssSelector("input[name='username']")).sendKeys("reviewer");
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys("ReviewDesk2026", Keys.ENTER);

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tile-mine")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".view-title"), "工作概览"));
        assertThat(browser.findElement(By.id("tile-mine")).getText()).contains("我的待办");
        assertThat(browser.findElement(By.cssSelector("vaadin-side-nav")).getText()).contains("工作概览");
        assertThat(browser.findElement(By.cssSelector(".user-name")).getText()).isEqualTo("审核员 王芳");
        save("landing-reviewer");

        assertThat(chineseGlyphsAreDistinct())
                .as("Chinese characters render as real glyphs, not identical boxes: install a CJK font (fonts-wqy-zenhei)")
                .isTrue();

        // the Content-Security-Policy lets Vaadin run (nothing refused so far) and refuses what is not ours
        assertThat(HeadlessChromium.contentSecurityPolicyViolations(browser)).as("refused by the CSP").isEmpty();
        ((JavascriptExecutor) browser).executeScript(
                "const i = document.createElement('img'); i.src = 'https://example.invalid/beacon.png'; document.body.append(i);");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> !HeadlessChromium.contentSecurityPolicyViolations(b).isEmpty());
    }

    @Test
    void anAdministratorSeesTheOperatorWarningsAndAHotlineAgentSearchesTheKnowledgeBase() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
        signIn(wait, "admin");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("operator-warnings")));
        assertThat(browser.findElement(By.id("operator-warnings")).getText()).contains("运维提示");
        save("landing-admin");

        browser.findElement(By.cssSelector(".logout")).click();
        // the logout ends the session: signing in before it has landed races it (a login form of the old session)
        wait.until(ExpectedConditions.urlContains("/login"));
        signIn(wait, "hotline");
        WebElement search = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#kb-search input")));
        search.sendKeys("法定代表人");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kb-results"), "028-12345"));
        save("landing-hotline");
    }

    private void signIn(WebDriverWait wait, String username) {
        browser.get("http://localhost:" + port + "/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
        browser.findElement(By.cssSelector("input[name='username']")).sendKeys(username);
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys("ReviewDesk2026", Keys.ENTER);
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** Draws two different Chinese characters in the page's font: missing glyphs ("tofu") look identical. */
    private boolean chineseGlyphsAreDistinct() {
        return (Boolean) ((JavascriptExecutor) browser).executeScript("""
                const font = getComputedStyle(document.body).fontFamily;
                const canvas = document.createElement('canvas');
                canvas.width = 48; canvas.height = 48;
                const g = canvas.getContext('2d');
                const draw = ch => { g.clearRect(0, 0, 48, 48); g.font = '40px ' + font; g.fillText(ch, 2, 40);
                                     return Array.from(g.getImageData(0, 0, 48, 48).data).join(','); };
                return draw('审') !== draw('核');""");
    }

    private void save(String name) throws Exception {
        byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }
}
