package org.reviewdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.StaffBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14 items 10, 11 and 19 in a real browser, in Chinese and English: the UI follows the browser's
 * language until a user chooses, and the choice follows the user to another browser; a language cookie
 * set before sign-in holds after it; a wrong password keeps the user name; a wrong access code says
 * how many tries are left; a corrected field loses its error at once. Screenshots go to
 * {@code target/screenshots/edges-*.png} (the 1366 px ones are copied to {@code docs/images}).
 */
@ApplicationTest
class EdgesIT {

    private static final String USER = "reviewer2";
    private static final Path DOCS = Path.of("docs", "images");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void theLoginFollowsTheBrowserAndAWrongPasswordKeepsTheUserName() throws Exception {
        for (String language : List.of("zh-CN", "en-US")) {
            try (StaffBrowser browser = new StaffBrowser(port, 1366, 900, language)) {
                browser.open("/login");
                WebElement username = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
                String title = english(language) ? "Staff sign-in" : "工作人员登录";
                browser.waiting().until(d -> d.getTitle().startsWith(title));
                username.sendKeys(USER);
                browser.driver().findElement(By.cssSelector("input[name='password']")).sendKeys("not-the-password", Keys.ENTER);
                browser.waiting().until(ExpectedConditions.urlContains("error"));
                browser.waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d ->
                        USER.equals(d.findElement(By.cssSelector("input[name='username']")).getDomProperty("value")));
                assertThat(browser.driver().findElement(By.cssSelector("input[name='password']")).getDomProperty("value")).isEmpty();
                shoot(browser, "edges-login-wrong-password-" + tag(language), true);
            }
        }
    }

    @Test
    void aLanguageCookieSetBeforeSignInHoldsAndAChoiceFollowsTheUser() throws Exception {
        try {
            try (StaffBrowser first = new StaffBrowser(port, 1366, 900, "zh-CN")) {
                first.open("/login");
                first.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
                first.driver().manage().addCookie(new Cookie("rd-lang", "en"));
                first.signIn(USER);
                first.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".view-title"), "Work overview"));
            }
            try (StaffBrowser chooser = new StaffBrowser(port, 1366, 900, "zh-CN")) {
                chooser.signIn(USER);
                chooser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".view-title"), "工作概览"));
                chooser.chooseLanguage("English");
                chooser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".view-title"), "Work overview"));
            }
            try (StaffBrowser another = new StaffBrowser(port, 1366, 900, "zh-CN")) {
                another.signIn(USER);
                another.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".view-title"), "Work overview"));
            }
        } finally {
            // other tests of this run expect the demo users in the default language
            jdbc.sql("delete from staff_language where username = :u").param("u", USER).update();
        }
    }

    @Test
    void aWrongAccessCodeSaysHowManyTriesAreLeft() throws Exception {
        for (String language : List.of("zh-CN", "en-US")) {
            for (int width : List.of(1366, 390)) {
                try (StaffBrowser browser = new StaffBrowser(port, width, width == 390 ? 844 : 900, language)) {
                    browser.open("/status");
                    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#status-number input")))
                            .sendKeys("RD20991231999999");
                    browser.driver().findElement(By.cssSelector("#status-code input")).sendKeys("AAAAAAAA");
                    browser.driver().findElement(By.id("status-open")).click();
                    String triesLeft = english(language) ? "more tries before a 15-minute wait" : "还可再试";
                    browser.waiting().until(d -> d.findElement(By.id("status-code")).getText().contains(triesLeft));
                    shoot(browser, "edges-status-tries-left-" + tag(language) + (width == 390 ? "-390" : ""), width == 1366);
                }
            }
        }
    }

    @Test
    void aCorrectedFieldLosesItsErrorAtOnce() throws Exception {
        for (String language : List.of("zh-CN", "en-US")) {
            for (int width : List.of(1366, 390)) {
                try (StaffBrowser browser = new StaffBrowser(port, width, width == 390 ? 844 : 900, language)) {
                    browser.open("/change");
                    browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("start"))).click();
                    browser.waiting().until(d -> d.findElement(By.id("uscc")).getDomAttribute("invalid") != null);
                    WebElement uscc = browser.driver().findElement(By.cssSelector("#uscc input"));
                    uscc.sendKeys("91510100MA61R8LX4K", Keys.TAB);
                    browser.waiting().until(d -> d.findElement(By.id("uscc")).getDomAttribute("invalid") == null);
                    assertThat(browser.driver().findElement(By.id("representativeName")).getDomAttribute("invalid"))
                            .as("the fields not yet corrected keep their errors").isNotNull();
                    ((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0)");
                    shoot(browser, "edges-form-corrected-" + tag(language) + (width == 390 ? "-390" : ""), width == 1366);
                }
            }
        }
    }

    private static void shoot(StaffBrowser browser, String name, boolean forDocs) throws Exception {
        browser.save(name);
        if (forDocs) {
            Files.createDirectories(DOCS);
            Files.copy(StaffBrowser.SCREENSHOTS.resolve(name + ".png"), DOCS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static boolean english(String language) {
        return language.startsWith("en");
    }

    private static String tag(String language) {
        return english(language) ? "en" : "zh";
    }
}
