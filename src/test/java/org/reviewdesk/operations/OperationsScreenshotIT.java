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
import org.reviewdesk.LanguagesAndWidths;
import org.reviewdesk.StaffBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An administrator in a real headless Chromium: warned on the start page about the open incidents,
 * then the operations page lists them.
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
        }
    }

    /**
     * Issue 14: the incident grid fits 1366 px without sideways scrolling in both languages, 1280 px and a
     * phone stay usable, and the English page names the process and the step in English. The README's
     * {@code operations.png} is the Chinese one at 1366 px, {@code operations-en.png} the English one.
     */
    @Test
    void theIncidentGridFits1366PixelsInBothLanguagesAndSpeaksTheReadersLanguage() throws Exception {
        OperationsFixtures fixtures = new OperationsFixtures(repository, runtime, management);
        String first = fixtures.failed();
        fixtures.failed();
        LanguagesAndWidths.look(port, "admin", "/admin/operations", List.of(1366, 1280, 390), 900, (browser, language, width) -> {
            browser.waiting().ignoring(StaleElementReferenceException.class)
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("incident-grid"), first));
            String shot = "operations-" + language + "-" + width;
            browser.save(shot);
            LanguagesAndWidths.assertFits(browser, "incident-grid", language, width);
            if (language.equals("en")) {
                assertThat(browser.text("incident-grid")).contains("Operations test process", "Call the registry",
                        "Stopped: its last attempt failed.").doesNotContain(OperationsFixtures.PROCESS_NAME);
            }
            if (width == 1366) {
                LanguagesAndWidths.readmeImage(shot, language.equals("en") ? "operations-en" : "operations");
            }
            if (width == 390) {
                // a phone shows each incident as one card whose columns fit the grid: the actions are in it
                List<Long> widths = browser.gridWidths("incident-grid");
                assertThat(widths.get(0)).as("%s on a phone: the card fits the grid", language).isLessThanOrEqualTo(widths.get(1));
                assertThat(browser.driver().findElements(By.cssSelector("#incident-grid .operations-card"))).isNotEmpty();
                LanguagesAndWidths.readmeImage(shot, language.equals("en") ? "operations-390-en" : "operations-390");
            }
        });
    }
}
