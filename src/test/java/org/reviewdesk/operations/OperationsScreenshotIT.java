package org.reviewdesk.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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

        try (StaffBrowser browser = new StaffBrowser(port, 1400, 800)) {
            browser.signIn("admin");
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("operator-warnings")));
            assertThat(browser.text("operator-warnings")).contains("流程事故待处理");

            browser.open("/admin/operations");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("incident-grid"), first));
            assertThat(browser.text("incident-grid")).contains(OperationsFixtures.STEP_NAME, FlakyStep.FAILURE);
            browser.save("operations");
        }
    }
}
