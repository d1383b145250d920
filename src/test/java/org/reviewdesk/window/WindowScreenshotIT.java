package org.reviewdesk.window;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.StaffBrowser;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The window clerk's page in a real headless Chromium, on a desk (1366 px) and a phone (390 px):
 * the demo's renamed enterprise found by its former name, its account card masked. The screenshots
 * are the README's {@code window-1366.png} and {@code window-390.png}.
 */
@ApplicationTest
class WindowScreenshotIT {

    @LocalServerPort int port;

    @Test
    void theWindowPageShowsTheAccountOnADeskAndOnAPhone() throws Exception {
        for (int width : new int[] {1366, 390}) {
            try (StaffBrowser browser = new StaffBrowser(port, width, width > 1000 ? 900 : 1400)) {
                browser.signIn("window");
                browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("window-search")));
                browser.open("/window?q=" + java.net.URLEncoder.encode("示范电子", java.nio.charset.StandardCharsets.UTF_8));
                browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("window-account"), "深圳示范智能科技有限公司"));
                assertThat(browser.text("window-account")).contains("138****0006").doesNotContain("13800000006");
                browser.save("window-" + width);
            }
        }
    }
}
