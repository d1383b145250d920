package org.reviewdesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.junit.jupiter.api.Test;
import org.reviewdesk.LanguagesAndWidths;
import org.reviewdesk.RealProcessesOnly;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14 (inboxen item 4 and 5): the rejection-reasons page as a supervisor and the operations page as an
 * administrator, at 1280 px and on a phone in both languages: the reasons page opens on the registration's
 * reasons and says why the 12345 work orders are not offered; neither page scrolls sideways. Screenshots
 * {@code target/screenshots/reasons-<language>-<width>.png} and {@code operations-…}.
 */
@RealProcessesOnly
class ReasonsAndOperationsLookIT {

    @LocalServerPort int port;

    @Test
    void theReasonsPageOpensOnRegistrationAndNeitherPageScrollsSideways() throws Exception {
        LanguagesAndWidths.look(port, "supervisor", "/review/reasons", List.of(1280, 390), 1000, (browser, language, width) -> {
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("reasons-grid"), "DOCUMENT_UNREADABLE"));
            assertThat(browser.text("reasons-only-rejecting")).contains("12345");
            browser.save("reasons-" + language + "-" + width);
            assertThat(LanguagesAndWidths.pageOverflow(browser)).as("reasons %s at %d px: no sideways scrolling", language, width)
                    .isLessThanOrEqualTo(0);
        });
        LanguagesAndWidths.look(port, "admin", "/admin/operations", List.of(1280, 390), 1000, (browser, language, width) -> {
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-grid")));
            browser.save("operations-" + language + "-" + width);
            if (width >= 1280) {
                assertThat(LanguagesAndWidths.pageOverflow(browser)).as("operations %s at %d px: no sideways scrolling", language, width)
                        .isLessThanOrEqualTo(0);
            }
        });
    }
}
