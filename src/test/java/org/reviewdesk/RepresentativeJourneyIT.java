package org.reviewdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.reviewdesk.accounts.AccountStatus;
import org.reviewdesk.accounts.EnterpriseAccounts;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.TestCodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Process 2 in a real headless Chromium, in Chinese: a window clerk finds the organisation, starts a
 * deregistration for the walk-in new representative, hands over the number and access code, scans
 * every document and submits; a reviewer approves; the same reviewer is refused the second approval;
 * a supervisor approves; the account is DEREGISTERED; the applicant's status page says so and links to
 * the prefilled registration form. The job executor is off in tests: the test runs the jobs.
 */
@ApplicationTest
class RepresentativeJourneyIT {

    @LocalServerPort int port;
    @Autowired EnterpriseAccounts accounts;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired org.reviewdesk.staff.StaffDirectory staff;
    private static final String SECOND_SUPERVISOR = "supervisor2";

    @Test
    void aWalkInIsServedAtTheWindowTwoPeopleApproveAndTheApplicantIsInvitedToRegisterAgain() throws Exception {
        String uscc = TestCodes.uscc(LegalPersonType.PUBLIC_INSTITUTION);
        accounts.open(uscc, "深圳市示例研究院", LegalPersonType.PUBLIC_INSTITUTION, "王五", "IMPORT-JOURNEY", "test");
        Path files = Files.createTempDirectory("window-scans");
        String number;
        String code;
        try (StaffBrowser clerk = new StaffBrowser(port, 1366, 900)) {
            WebDriver d = clerk.driver();
            clerk.signIn("window");
            clerk.open("/window?q=" + uscc);
            click(d, clerk.waiting().until(ExpectedConditions.elementToBeClickable(By.id("window-action-representative"))));
            clerk.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#representativeName input")));
            type(d, "representativeName", "张三");
            type(d, "representativeIdNumber", "11010519491231002X");
            type(d, "representativeMobile", "13812345678");
            clerk.save("window-representative-start");
            click(d, d.findElement(By.id("start")));

            code = clerk.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("window-handover-code"))).getText();
            number = d.findElement(By.id("window-handover-number")).getText();
            assertThat(number).matches("DR\\d{14}");
            assertThat(code).matches("[2-9A-Z]{8}");
            List<String> slots = d.findElements(By.cssSelector("#window-case-documents [id^='window-slot-']")).stream()
                    .map(e -> e.getAttribute("id")).toList();
            assertThat(slots).hasSizeGreaterThanOrEqualTo(4);
            for (int i = 0; i < slots.size(); i++) {
                d.findElement(By.cssSelector("#" + slots.get(i) + " vaadin-upload")).getShadowRoot()
                        .findElement(By.cssSelector("input[type=file]"))
                        .sendKeys(png(files, "scan-" + i + ".png", new Color(200 - 20 * i, 214, 236)).toAbsolutePath().toString());
                clerk.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#" + slots.get(i) + " .document-upload-field__summary"), "已上传"));
            }
            clerk.save("window-case-1366");
            click(d, d.findElement(By.id("window-case-submit")));
            clerk.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("window-case-submitted")));
            assertThat(d.findElement(By.id("window-receipt-acceptance")).getText()).contains("受理回执");
            clerk.save("window-case-submitted-1366");
            clerk.open("/window/case/" + number);
            clerk.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("window-case-submitted")));
            assertThat(d.findElements(By.id("window-handover-code"))).as("the code is shown once: not after a reload").isEmpty();
        }
        try (StaffBrowser phone = new StaffBrowser(port, 390, 1400)) {
            phone.signIn("window");
            phone.open("/window/case/" + number);
            phone.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("window-case-submitted")));
            phone.save("window-case-390");
        }
        runJobs(number); // the automated checks

        // the demo's supervisor also reviews: the one person the four-eyes rule has to stop
        try (StaffBrowser lead = new StaffBrowser(port, 1366, 900)) {
            lead.signIn("supervisor");
            decide(lead, number);
            lead.open("/review/task/" + task(number));
            click(lead.driver(), lead.waiting().until(ExpectedConditions.elementToBeClickable(By.id("review-claim"))));
            lead.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("vaadin-notification-card"), "四眼原则"));
            lead.save("representative-four-eyes-refused");
            assertThat(tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult().getAssignee()).isNull();
        }
        secondSupervisor();
        try (StaffBrowser supervisor = new StaffBrowser(port, 1366, 900)) {
            supervisor.signIn(SECOND_SUPERVISOR);
            decide(supervisor, number);
        }
        runJobs(number);
        assertThat(accounts.history(uscc).get(0).status()).isEqualTo(AccountStatus.DEREGISTERED);

        try (StaffBrowser applicant = new StaffBrowser(port, 1366, 900)) {
            WebDriver d = applicant.driver();
            applicant.open("/change/status");
            applicant.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#number input")));
            type(d, "number", number);
            d.findElement(By.cssSelector("#code input")).sendKeys(code, Keys.TAB);
            click(d, d.findElement(By.id("open")));
            applicant.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-deregistered"), "原法人账户已注销"));
            assertThat(d.findElement(By.id("register-again")).getAttribute("href")).contains("/apply?uscc=" + uscc);
            assertThat(d.findElement(By.id("receipt-deregistration")).getText()).contains("注销回执");
            applicant.save("representative-status-deregistered");
            // the link is the configured public address (REVIEWDESK_REPRESENTATIVE_APPLY_URL); here, this server's
            java.net.URI again = java.net.URI.create(d.findElement(By.id("register-again")).getAttribute("href"));
            applicant.open(again.getRawPath() + "?" + again.getRawQuery());
            applicant.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#apply-uscc input")));
            applicant.waiting().until(x -> uscc.equals(x.findElement(By.cssSelector("#apply-uscc input")).getAttribute("value")));
            applicant.save("representative-register-again");
        }
    }

    /** A second supervisor (the demo has one), created as an administrator would. */
    private void secondSupervisor() {
        if (staff.activeRoles(SECOND_SUPERVISOR).isPresent()) {
            return;
        }
        var admin = java.util.List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(
                org.reviewdesk.platform.Role.ADMIN.authority()));
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                        new org.springframework.security.core.userdetails.User("admin", "", admin), null, admin));
        try {
            staff.create(SECOND_SUPERVISOR, "审核主管 孙伟", "ReviewDesk2026", java.util.Set.of(org.reviewdesk.platform.Role.SUPERVISOR));
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    /** Opens the case's open task, claims it, marks every document fine and approves. */
    private void decide(StaffBrowser staff, String number) {
        WebDriver d = staff.driver();
        staff.open("/review/task/" + task(number));
        click(d, staff.waiting().until(ExpectedConditions.elementToBeClickable(By.id("review-claim"))));
        staff.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("decision-outcome")));
        for (WebElement verdict : d.findElements(By.cssSelector("[id^='verdict-'] vaadin-radio-button:first-of-type"))) {
            click(d, verdict);
        }
        click(d, d.findElements(By.cssSelector("#decision-outcome vaadin-radio-button")).get(0));
        click(d, d.findElement(By.id("decision-submit")));
        click(d, staff.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-button[slot='confirm-button']"))));
        staff.waiting().until(ExpectedConditions.urlContains("/review/inbox"));
    }

    private String task(String number) {
        return tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult().getId();
    }

    private void runJobs(String number) {
        var running = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
        if (running == null) {
            return;
        }
        for (int round = 0; round < 20; round++) {
            List<Job> due = management.createJobQuery().processInstanceId(running.getId()).executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
    }

    private static void type(WebDriver d, String id, String text) {
        d.findElement(By.cssSelector("#" + id + " input")).sendKeys(text, Keys.TAB);
    }

    /** Scrolls the element to the middle of the window first: sticky cards cover the window's edges. */
    private static void click(WebDriver d, WebElement element) {
        ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private static Path png(Path dir, String name, Color background) throws Exception {
        BufferedImage image = new BufferedImage(856, 540, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, 856, 540);
        g.setColor(new Color(60, 90, 140));
        g.fillRoundRect(40, 60, 220, 280, 20, 20);
        g.fillRect(300, 80, 480, 24);
        g.dispose();
        Path file = dir.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
