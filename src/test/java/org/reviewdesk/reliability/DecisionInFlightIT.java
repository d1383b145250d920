package org.reviewdesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.reviewdesk.StaffBrowser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.staff.StaffDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A reviewer's approval in flight on node "a" (the production jar; the reviewer in a headless Chromium on
 * its staff UI) when the node is killed with -9, then when it gets SIGTERM. The test catches the decision
 * in the middle of its transaction: it holds {@code lock table enterprise_account} in its own transaction,
 * so the approval (task completed, decision recorded) waits on the account's insert, its node's connection
 * visible in {@code pg_stat_activity}. This test's Spring context is node "b" of the same database, for the
 * set-up only. The decision, its task and the account are all or nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DecisionInFlightIT {

    static final String REVIEWER = "inflight-a";

    static ClusterNodes cluster;
    static ClusterNodes.Node a;
    static Applicant applicant;
    static String taskId;

    @DynamicPropertySource
    static void inTheCluster(DynamicPropertyRegistry registry) {
        cluster = ClusterNodes.start().inThisJvm("b", registry);
        a = cluster.node("a").start();
    }

    @AfterAll
    static void stop() {
        ClusterNodes.stop(cluster);
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    StaffDirectory staff;

    @Test
    @Order(1)
    void anApprovalInFlightWhenItsNodeIsKilledLeavesNothingHalfDone() throws Exception {
        a.awaitReady();
        ClusterNodes.createBrowserUser(staff, REVIEWER, "审核员 在途", Role.REVIEWER);
        applicant = Applicant.submitted(cluster.sms(), a.baseUrl());
        taskId = Awaitility.await("the review task").atMost(Duration.ofMinutes(3)).until(() -> jdbc.sql(
                        "select task_id from review_task where business_key = :n").param("n", applicant.number)
                .query(String.class).optional().orElse(null), id -> id != null);

        try (StaffBrowser browser = new StaffBrowser(a.baseUrl().getPort(), 1366, 900);
             Connection blocker = cluster.lockTable("enterprise_account")) {
            approveInTheBrowser(browser);
            awaitTheDecisionWaitingOnTheAccount();
            a.kill();
            blocker.rollback();
        }
        // the node's backend ends its transaction once it finds its client gone
        Awaitility.await("node a's connections gone").atMost(Duration.ofMinutes(1)).until(() -> jdbc.sql(
                "select count(*) from pg_stat_activity where application_name = 'a'").query(Integer.class).single() == 0);

        assertThat(state()).isEqualTo("IN_REVIEW");
        assertThat(decisions()).as("decisions recorded").isZero();
        assertThat(accounts()).as("accounts opened").isZero();
        assertThat(jdbc.sql("select assignee_ from act_ru_task where id_ = :t").param("t", taskId).query(String.class).single())
                .as("the task still open, still the reviewer's (the claim had committed before)").isEqualTo(REVIEWER);
        System.out.println("[reliability] kill -9 during an approval: nothing of it kept (task open, no decision, no account)");
    }

    @Test
    @Order(2)
    void anApprovalInFlightWhenItsNodeGetsSigtermFinishesBeforeTheNodeEnds() throws Exception {
        a.start().awaitReady();
        long signalled;
        try (StaffBrowser browser = new StaffBrowser(a.baseUrl().getPort(), 1366, 900);
             Connection blocker = cluster.lockTable("enterprise_account")) {
            approveInTheBrowser(browser);
            awaitTheDecisionWaitingOnTheAccount();
            a.signalTerm();
            signalled = System.nanoTime();
            // Tomcat closes its listening socket at once: a proxy sends new requests to another node
            Awaitility.await("node a refuses new connections").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !listening(a.baseUrl().getPort()));
            assertThat(a.alive()).as("still finishing the request in flight").isTrue();
            blocker.rollback();
        }
        int exit = a.awaitExit(Duration.ofMinutes(2));
        System.out.printf("[reliability] SIGTERM during an approval: node a ended %d ms after the signal, exit %d%n",
                (System.nanoTime() - signalled) / 1_000_000, exit);

        assertThat(state()).isEqualTo("APPROVED");
        assertThat(decisions()).as("decisions recorded").isEqualTo(1);
        assertThat(accounts()).as("accounts opened, once across the kill and the retry").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from act_ru_task where id_ = :t").param("t", taskId).query(Integer.class).single())
                .as("the task completed").isZero();
    }

    /** Signs in on node a, opens the task, claims it if not yet, judges every document, approves and confirms. */
    private void approveInTheBrowser(StaffBrowser browser) {
        browser.signIn(REVIEWER);
        browser.open("/review/task/" + taskId);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("review-header")));
        List<WebElement> claim = browser.driver().findElements(By.id("review-claim"));
        if (!claim.isEmpty()) {
            click(browser, browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("review-claim"))));
        }
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("decision-verdicts")));
        for (String slot : Applicant.SLOTS) {
            click(browser, browser.waiting().until(d -> d.findElements(By.cssSelector("#verdict-" + slot + " vaadin-radio-button")))
                    .get(0));
        }
        click(browser, browser.driver().findElements(By.cssSelector("#decision-outcome vaadin-radio-button")).get(0));
        // the server's answer opens the approval's comment above the button and enables it: the button moves down
        // then, and a click aimed before that lands on the comment's label
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("decision-approve-comment")));
        click(browser, browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("decision-submit"))));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-confirm-dialog-overlay")));
        click(browser, browser.waiting().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-button[slot='confirm-button']"))));
    }

    private static void click(StaffBrowser browser, WebElement element) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** Node a's connection waits on the test's lock: the approval is inside its transaction. */
    private void awaitTheDecisionWaitingOnTheAccount() {
        cluster.awaitNodeWaitingOnLock("a");
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private String state() {
        return jdbc.sql("select state from registration_application where number = :n").param("n", applicant.number)
                .query(String.class).single();
    }

    private int decisions() {
        return jdbc.sql("""
                select count(*) from registration_event e join registration_application r on r.id = e.application_id
                where r.number = :n and e.kind like 'DECIDED_%'""").param("n", applicant.number).query(Integer.class).single();
    }

    private int accounts() {
        return jdbc.sql("select count(*) from enterprise_account where source_case_ref = :n").param("n", applicant.number)
                .query(Integer.class).single();
    }
}
