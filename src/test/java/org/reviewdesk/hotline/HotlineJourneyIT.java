package org.reviewdesk.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.StaffBrowser;
import org.reviewdesk.accounts.EnterpriseAccounts;
import org.reviewdesk.registration.ApplicantForm;
import org.reviewdesk.registration.DraftCreated;
import org.reviewdesk.registration.MobileProofFixture;
import org.reviewdesk.registration.RegistrationService;
import org.reviewdesk.registration.TestDocuments;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.TestCodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Process 4 in a real headless Chromium: a hotline agent takes a call, finds the organisation by a
 * fragment of its name on the case screen, sees its registration in review, opens a work order (新建工单)
 * and dispatches it to the account team; the team's handler signs for it and asks for an extension,
 * which a supervisor grants; the handler replies; the agent calls back and records 不满意, the order
 * reopens to the handler; a second reply, 满意, closed. Chinese throughout; the case screen, the intake
 * dialog, the handler's workbench with the pending extension and the callback are also shot in English
 * (a second browser on the same page), the workbench at 390 px too. The job executor is off in tests.
 */
@ApplicationTest
class HotlineJourneyIT {

    private static final String FRAGMENT = "蜀韵茶业";
    private static final String CALLER_MOBILE = "13981234567";

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired EnterpriseAccounts accounts;
    @Autowired RegistrationService registrations;
    @Autowired WorkOrders orders;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;

    @Test
    void aCallIsTakenDispatchedExtendedRepliedReopenedOnceAndClosed() throws Exception {
        String uscc = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        String name = "成都" + FRAGMENT + "有限公司";
        String application = registrationInReview(uscc, name);
        accounts.open(uscc, name, LegalPersonType.ENTERPRISE, "赵六", "IMPORT-JOURNEY", "test");

        caseScreenAndIntake("en", uscc, application, false);
        String number = caseScreenAndIntake("zh", uscc, application, true);
        assertThat(number).matches("GD\\d{14}");

        try (StaffBrowser agent = browser("zh", 1366, 900, "hotline")) {
            agent.open("/review/task/" + taskAt(number, WorkOrderProcess.Activity.DISPATCH).getId());
            choose(agent, "workorder-unit", "统一身份认证平台账号组");
            click(agent.driver(), agent.driver().findElement(By.id("workorder-dispatch")));
            waitFor(number, WorkOrderProcess.Activity.SIGN);
        }

        LocalDate until = orders.byNumber(number, WorkOrderFixture.AGENT).handleDue().toLocalDate().plusDays(14);
        try (StaffBrowser handler = browser("zh", 1366, 900, "handler")) {
            WebDriver d = handler.driver();
            handler.open("/review/task/" + taskAt(number, WorkOrderProcess.Activity.SIGN).getId());
            click(d, handler.waiting().until(ExpectedConditions.elementToBeClickable(By.id("workorder-sign"))));
            waitFor(number, WorkOrderProcess.Activity.HANDLE);

            handler.open("/review/task/" + taskAt(number, WorkOrderProcess.Activity.HANDLE).getId());
            type(handler, "workorder-extension-reason", "需向原登记机关调取纸质档案");
            ((JavascriptExecutor) d).executeScript("arguments[0].value = arguments[1];",
                    d.findElement(By.id("workorder-extension-until")), until.toString());
            click(d, d.findElement(By.id("workorder-request-extension")));
            waitFor(number, WorkOrderProcess.Activity.DECIDE_EXTENSION);

            handler.open("/review/task/" + taskAt(number, WorkOrderProcess.Activity.HANDLE).getId());
            handler.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("workorder-extension-pending")));
            assertThat(handler.text("workorder-extension-pending")).contains("等待督办人员审批");
            handler.save("hotlineflow-handler-extension-1366");
        }
        shootTask("en", 1366, 900, "handler", number, WorkOrderProcess.Activity.HANDLE, "workorder-extension-pending",
                "hotlineflow-handler-extension-1366-en");
        shootTask("zh", 390, 1800, "handler", number, WorkOrderProcess.Activity.HANDLE, "workorder-extension-pending",
                "hotlineflow-handler-extension-390");

        try (StaffBrowser supervisor = browser("zh", 1366, 900, "supervisor")) {
            supervisor.open("/review/task/" + taskAt(number, WorkOrderProcess.Activity.DECIDE_EXTENSION).getId());
            type(supervisor, "workorder-extension-note", "同意，请按新期限办结");
            supervisor.save("hotlineflow-supervisor-extension-1366");
            click(supervisor.driver(), supervisor.driver().findElement(By.id("workorder-approve-extension")));
            await().atMost(Duration.ofMinutes(3)).until(() -> orders.byNumber(number, WorkOrderFixture.AGENT).state()
                    == WorkOrderState.HANDLING);
        }
        assertThat(orders.byNumber(number, WorkOrderFixture.AGENT).handleDue().toLocalDate()).isEqualTo(until);
        assertThat(management.createJobQuery().processInstanceId(instance(number)).activityId(WorkOrderProcess.Activity.HANDLE_OVERDUE)
                .singleResult().getDuedate().toInstant()).as("the handling timer moved with the limit")
                .isEqualTo(orders.byNumber(number, WorkOrderFixture.AGENT).handleDue().toInstant());

        reply(number, "已调取档案并核实，原法人账号已按规定解绑，请用新手机号登录。");
        callback(number, "zh", 2, "还是登录不了，提示账号已冻结", true);
        waitFor(number, WorkOrderProcess.Activity.HANDLE);
        assertThat(orders.byNumber(number, WorkOrderFixture.AGENT).reopened()).isTrue();

        reply(number, "已解除冻结，并电话指导来电人登录成功。");
        callback(number, "en", 2, "Still cannot sign in", false);
        callback(number, "zh", 0, null, true);
        await().atMost(Duration.ofMinutes(3)).until(() -> instance(number) == null);
        WorkOrder closed = orders.byNumber(number, WorkOrderFixture.AGENT);
        assertThat(closed.state()).isEqualTo(WorkOrderState.CLOSED);
        assertThat(closed.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
        assertThat(orders.timeline(number, WorkOrderFixture.AGENT)).extracting(WorkOrder.Event::kind).containsSubsequence(
                "TAKEN", "DISPATCHED", "SIGNED", "EXTENSION_REQUESTED", "EXTENSION_APPROVED", "REPLIED", "REOPENED", "REPLIED",
                "CALLED_BACK_SATISFIED", "CLOSED");
    }

    /**
     * The agent's part of the call on the case screen: the fragment, Enter, the record with its
     * registration, 新建工单 and the filled dialog; taken only when {@code take}, else cancelled.
     */
    private String caseScreenAndIntake(String language, String uscc, String application, boolean take) throws Exception {
        String suffix = "zh".equals(language) ? "" : "-en";
        try (StaffBrowser agent = browser(language, 1366, 900, "hotline")) {
            WebDriver d = agent.driver();
            agent.open("/hotline");
            agent.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#case-search input")));
            WebElement search = d.findElement(By.cssSelector("#case-search input"));
            search.sendKeys(FRAGMENT);
            agent.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".case-hit--selected")));
            search.sendKeys(Keys.ENTER);
            agent.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-account"), uscc));
            agent.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-cases"), application));
            agent.save("hotlineflow-case-1366" + suffix);

            click(d, d.findElement(By.id("case-new-work-order")));
            agent.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#intake-caller-name input")));
            type(agent, "intake-caller-name", "zh".equals(language) ? "赵女士" : "Ms Zhao");
            type(agent, "intake-caller-mobile", CALLER_MOBILE);
            choose(agent, "intake-category", "zh".equals(language) ? "求助" : "Request for help");
            d.findElement(By.cssSelector("#intake-description textarea")).sendKeys(
                    "法人账号绑定的是原法定代表人的手机号，无法接收验证码，新法定代表人无法登录。");
            agent.save("hotlineflow-intake-1366" + suffix);
            if (!take) {
                return null;
            }
            click(d, d.findElement(By.id("intake-submit")));
            return agent.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("case-taken-number"))).getText();
        }
    }

    private void reply(String number, String text) throws Exception {
        try (StaffBrowser handler = browser("zh", 1366, 900, "handler")) {
            handler.open("/review/task/" + taskAt(number, WorkOrderProcess.Activity.HANDLE).getId());
            handler.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#workorder-reply-text textarea")))
                    .sendKeys(text);
            click(handler.driver(), handler.driver().findElement(By.id("workorder-reply")));
            waitFor(number, WorkOrderProcess.Activity.CALLBACK);
        }
    }

    /** The agent's callback: the satisfaction by its position (0 满意 … 2 不满意), the caller's words, a screenshot. */
    private void callback(String number, String language, int satisfaction, String words, boolean record) throws Exception {
        try (StaffBrowser agent = browser(language, 1366, 900, "hotline")) {
            WebDriver d = agent.driver();
            agent.open("/review/task/" + taskAt(number, WorkOrderProcess.Activity.CALLBACK).getId());
            agent.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#workorder-satisfaction vaadin-radio-button")));
            click(d, d.findElements(By.cssSelector("#workorder-satisfaction vaadin-radio-button")).get(satisfaction));
            if (words != null) {
                d.findElement(By.cssSelector("#workorder-caller-words textarea")).sendKeys(words);
            }
            if (satisfaction == 2) {
                agent.save("hotlineflow-callback-1366" + ("zh".equals(language) ? "" : "-en"));
            }
            if (record) {
                String before = taskAt(number, WorkOrderProcess.Activity.CALLBACK).getId();
                click(d, d.findElement(By.id("workorder-callback")));
                await().atMost(Duration.ofMinutes(3)).until(() -> tasks.createTaskQuery().taskId(before).count() == 0);
            }
        }
    }

    private void shootTask(String language, int width, int height, String user, String number, String activity, String waitFor,
                           String name) throws Exception {
        try (StaffBrowser browser = browser(language, width, height, user)) {
            browser.open("/review/task/" + taskAt(number, activity).getId());
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id(waitFor)));
            browser.save(name);
        }
    }

    /** A browser in the language (the cookie is read when the session starts), signed in. */
    private StaffBrowser browser(String language, int width, int height, String user) throws Exception {
        return StaffBrowser.signedIn(port, width, height, language, user);
    }

    /** Submitted through the service as the applicant's form would be, its checks run: in review. */
    private String registrationInReview(String uscc, String name) {
        ApplicantForm form = new ApplicantForm(LegalPersonType.ENTERPRISE, name, uscc, false, "赵六", IdType.RESIDENT_ID,
                "11010519491231002X", "13812345678", false, null, null, null, null, "13812345678", null);
        DraftCreated draft = MobileProofFixture.createDraft(context, form);
        for (String slot : registrations.requiredSlots(LegalPersonType.ENTERPRISE, false)) {
            registrations.upload(draft.access(), slot, slot + ".png", "image/png", new ByteArrayInputStream(TestDocuments.png()));
        }
        registrations.submit(draft.access(), true);
        String instance = instance(draft.applicationNumber());
        for (Job job : management.createJobQuery().processInstanceId(instance).executable().list()) {
            management.executeJob(job.getId());
        }
        return draft.applicationNumber();
    }

    private void waitFor(String number, String activity) {
        await().atMost(Duration.ofMinutes(3)).until(() -> tasks.createTaskQuery().processInstanceBusinessKey(number)
                .taskDefinitionKey(activity).count() == 1);
    }

    private Task taskAt(String number, String activity) {
        return tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(activity).singleResult();
    }

    private String instance(String businessKey) {
        var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult();
        return instance == null ? null : instance.getId();
    }

    private static void type(StaffBrowser browser, String id, String text) {
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#" + id + " input")))
                .sendKeys(text, Keys.TAB);
    }

    /** Picks a combo box item by its label, as a user does: type, then click the item. */
    private static void choose(StaffBrowser browser, String id, String label) {
        WebElement input = browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#" + id + " input")));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), label);
        By item = By.cssSelector("vaadin-combo-box-item");
        browser.waiting().until(d -> d.findElements(item).stream().anyMatch(i -> i.isDisplayed() && label.equals(i.getText().strip())));
        browser.driver().findElements(item).stream().filter(i -> i.isDisplayed() && label.equals(i.getText().strip())).findFirst()
                .orElseThrow().click();
        browser.waiting().until(d -> label.equals(d.findElement(By.cssSelector("#" + id + " input")).getAttribute("value")));
    }

    /** Scrolls the element to the middle of the window first: sticky cards cover the window's edges. */
    private static void click(WebDriver d, WebElement element) {
        ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }
}
