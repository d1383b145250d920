package org.reviewdesk;

import java.io.File;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium through Debian's chromedriver (nothing is downloaded), with the flags this
 * closed network needs (STACK-NOTES.md): no background networking, no updates, no sync.
 */
public final class HeadlessChromium {

    private HeadlessChromium() {
    }

    /**
     * @param profile a fresh folder for the browser profile
     * @param width window width in pixels, {@code height} likewise
     */
    public static ChromeDriver start(Path profile, int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/lib/chromium/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--no-first-run", "--window-size=" + width + "," + height, "--lang=zh-CN", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        return new ChromeDriver(service, options);
    }
}
