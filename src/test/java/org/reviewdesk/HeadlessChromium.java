package org.reviewdesk;

import java.io.File;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import java.util.List;
import java.util.logging.Level;

/**
 * Debian's Chromium through Debian's chromedriver (nothing is downloaded), with the flags this
 * closed network needs (STACK-NOTES.md): no background networking, no updates, no sync.
 */
public final class HeadlessChromium {

    private static final int MINIMUM_WINDOW_WIDTH = 500;

    private HeadlessChromium() {
    }

    /**
     * @param profile a fresh folder for the browser profile
     * @param width window width in pixels, {@code height} likewise
     */
    public static ChromeDriver start(Path profile, int width, int height) {
        return start(profile, width, height, "zh-CN");
    }

    /**
     * @param language the browser's language, as it sends it in Accept-Language (e.g. {@code en-US})
     */
    public static ChromeDriver start(Path profile, int width, int height, String language) {
        ChromeOptions options = new ChromeOptions();
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        options.setBinary("/usr/lib/chromium/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--no-first-run", "--window-size=" + width + "," + height, "--lang=" + language, "--user-data-dir=" + profile);
        // the console, so tests can see what the Content-Security-Policy refused
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        if (width < MINIMUM_WINDOW_WIDTH) {
            // headless Chromium makes no window narrower than 500 px, so a "390 px" phone was 500 px wide:
            // the phone's viewport is emulated instead
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    java.util.Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
        }
        return driver;
    }

    /** What the page's Content-Security-Policy refused since the last call (the console's messages about it). */
    public static List<String> contentSecurityPolicyViolations(org.openqa.selenium.WebDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .toList();
    }
}
