package org.reviewdesk.operations;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;

/** The operations page over a real failed job: listed, its stack trace shown, retried after a confirmation. */
class OperationsViewTest extends KaribuTestSupport {

    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;

    OperationsFixtures fixtures;

    @BeforeEach
    void process() {
        fixtures = new OperationsFixtures(repository, runtime, management);
    }

    @SuppressWarnings("unchecked")
    private static Grid<OpenIncident> incidentGrid() {
        return _get(Grid.class, spec -> spec.withId("incident-grid"));
    }

    @SuppressWarnings("unchecked")
    private static Grid<FailedJob> jobGrid() {
        _get(TabSheet.class, spec -> spec.withId("operations-tabs")).setSelectedIndex(1);
        return _get(Grid.class, spec -> spec.withId("job-grid"));
    }

    @SuppressWarnings("unchecked")
    private static void showProcess(String key) {
        _setValue((Select<String>) _get(Select.class, spec -> spec.withId("operations-process")), key);
    }

    private static Component incidentActions(String businessKey) {
        Grid<OpenIncident> grid = incidentGrid();
        for (int row = 0; row < _size(grid); row++) {
            if (businessKey.equals(_get(grid, row).businessKey())) {
                return _getCellComponent(grid, row, "actions");
            }
        }
        throw new AssertionError("no incident of " + businessKey + " listed");
    }

    @Test
    void anAdministratorSeesTheIncidentAndRetriesItsJobAfterConfirming() {
        String businessKey = fixtures.failed();
        signInAs("ops-view-admin", Role.ADMIN);
        UI.getCurrent().navigate(OperationsView.class);
        showProcess(OperationsFixtures.PROCESS_KEY);
        _setValue(_get(IntegerField.class, spec -> spec.withId("operations-retries")), 2);

        _click(_get(incidentActions(businessKey), Button.class, spec -> spec.withClasses("incident-retry")));
        assertThat(fixtures.job(businessKey).getRetries()).as("nothing happens before the confirmation").isZero();
        _fireConfirm(_get(ConfirmDialog.class));

        expectNotifications("已重试业务编号 " + businessKey + " 的作业。");
        assertThat(fixtures.job(businessKey).getRetries()).isEqualTo(2);
        Grid<OpenIncident> grid = incidentGrid();
        for (int row = 0; row < _size(grid); row++) {
            assertThat(_get(grid, row).businessKey()).isNotEqualTo(businessKey);
        }
    }

    @Test
    void theStackTraceOpensInADialog() {
        String businessKey = fixtures.failed();
        signInAs("ops-view-admin", Role.ADMIN);
        UI.getCurrent().navigate(OperationsView.class);
        showProcess(OperationsFixtures.PROCESS_KEY);

        _click(_get(incidentActions(businessKey), Button.class, spec -> spec.withClasses("incident-trace")));

        Dialog dialog = _get(Dialog.class, spec -> spec.withId("stack-trace"));
        assertThat(_get(dialog, Pre.class).getText()).contains(FlakyStep.FAILURE).contains(FlakyStep.class.getName());
    }

    @Test
    void anOutOfRangeRetryCountIsRefusedInChineseAndTheJobStaysFailed() {
        String businessKey = fixtures.failed();
        signInAs("ops-view-admin", Role.ADMIN);
        UI.getCurrent().navigate(OperationsView.class);
        showProcess(OperationsFixtures.PROCESS_KEY);
        _setValue(_get(IntegerField.class, spec -> spec.withId("operations-retries")), 50);

        _click(_get(incidentActions(businessKey), Button.class, spec -> spec.withClasses("incident-retry")));
        _fireConfirm(_get(ConfirmDialog.class));

        expectNotifications("重试次数须在 1 到 10 之间。");
        assertThat(fixtures.job(businessKey).getRetries()).isZero();
    }

    @Test
    void theSelectedFailedJobsAreRetriedTogether() {
        String first = fixtures.failed();
        String second = fixtures.failed();
        signInAs("ops-view-admin", Role.ADMIN);
        UI.getCurrent().navigate(OperationsView.class);
        showProcess(OperationsFixtures.PROCESS_KEY);

        Grid<FailedJob> grid = jobGrid();
        for (int row = 0; row < _size(grid); row++) {
            FailedJob job = _get(grid, row);
            if (job.businessKey().equals(first) || job.businessKey().equals(second)) {
                grid.select(job);
            }
        }
        Button retrySelected = _get(Button.class, spec -> spec.withId("retry-selected"));
        assertThat(retrySelected.getText()).isEqualTo("重试所选（2）");
        _click(retrySelected);
        _fireConfirm(_get(ConfirmDialog.class));

        expectNotifications("已重试 2 个作业。");
        assertThat(fixtures.job(first).getRetries()).isOne();
        assertThat(fixtures.job(second).getRetries()).isOne();
    }

    /**
     * Issue 14: in English the process and the step carry their English names (the model's are Chinese),
     * and the failure reads as a translated summary above the message as the failing code reported it.
     */
    @Test
    void inEnglishProcessAndStepAreNamedInEnglishAndTheFailureIsSummarised() {
        String businessKey = fixtures.failed();
        signInAs("ops-view-admin", Role.ADMIN);
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        UI.getCurrent().navigate(OperationsView.class);
        showProcess(OperationsFixtures.PROCESS_KEY);

        Grid<OpenIncident> grid = incidentGrid();
        int row = 0;
        while (!businessKey.equals(_get(grid, row).businessKey())) {
            row++;
        }
        assertThat(text(_getCellComponent(grid, row, "process"))).contains("Operations test process").contains(businessKey);
        assertThat(text(_getCellComponent(grid, row, "step"))).contains("Call the registry", "Failed job");
        assertThat(text(_getCellComponent(grid, row, "message")))
                .contains("Stopped: its last attempt failed.", "Reported: ", FlakyStep.FAILURE);
        assertThat(_get(Select.class, spec -> spec.withId("operations-process")).getItemLabelGenerator()
                .apply(OperationsFixtures.PROCESS_KEY)).isEqualTo("Operations test process");
    }

    private static String text(Component cell) {
        return cell.getElement().getTextRecursively();
    }
}
