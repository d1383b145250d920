package org.reviewdesk.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.StaffBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An administrator in a real headless Chromium: warned on the start page about the open incidents,
 * then the operations page lists them; the screenshot is the README's {@code operations.png}.
 */
@ApplicationTest
class OperationsScreenshotIT {

    @LocalServerPort int port;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;

    @Test
    void anAdministratorIsWarnedAndFindsTheFailedStep() throws Exception {
        OperationsFixtures fixtures = new OperationsFixtures(repository, runtime, management);
        String first = fixtures.failed();
        fixtures.failed();

        try (StaffBrowser browser = new StaffBrowser(port, 1366, 800)) {
            browser.signIn("admin");
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("operator-warnings")));
            if (!browser.text("operator-warnings").contains("流程事故待处理")) {
                browser.chooseLanguage("中文");
            }
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("operator-warnings"), "流程事故待处理"));

            browser.open("/admin/operations");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("incident-grid"), first));
            assertThat(browser.text("incident-grid")).contains(OperationsFixtures.STEP_NAME, FlakyStep.FAILURE);
            browser.save("operations");
        }
    }

    /** Issue 14: the incident grid fits 1366 px without sideways scrolling in both languages, and 1280 px stays usable. */
    @Test
    void theIncidentGridFits1366PixelsInBothLanguages() throws Exception {
        OperationsFixtures fixtures = new OperationsFixtures(repository, runtime, management);
        String first = fixtures.failed();
        for (String language : List.of("zh", "en")) {
            for (int width : List.of(1366, 1280)) {
                try (StaffBrowser browser = new StaffBrowser(port, width, 800)) {
                    browser.signIn("admin");
                    browser.open("/admin/operations");
                    String title = language.equals("en") ? "Operations" : "流程运维";
                    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("incident-grid")));
                    if (!browser.driver().getTitle().contains(title)) {
                        browser.chooseLanguage(language.equals("en") ? "English" : "中文");
                        browser.waiting().until(d -> d.getTitle().contains(title));
                    }
                    browser.waiting().ignoring(StaleElementReferenceException.class)
                            .until(ExpectedConditions.textToBePresentInElementLocated(By.id("incident-grid"), first));
                    List<Long> widths = browser.gridWidths("incident-grid");
                    browser.save("shots-operations-" + language + "-" + width);
                    System.out.printf("operations %s at %d px: columns %d px in a grid of %d px%n", language, width, widths.get(0), widths.get(1));
                    if (width == 1366) {
                        assertThat(widths.get(0)).as("%s at %d px: no sideways scrolling", language, width).isLessThanOrEqualTo(widths.get(1));
                    } else {
                        assertThat(widths.get(0) - widths.get(1)).as("%s at %d px: at most a little sideways scrolling", language, width)
                                .isLessThan(120);
                    }
                }
            }
        }
    }
}
