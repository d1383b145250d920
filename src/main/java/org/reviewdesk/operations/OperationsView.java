package org.reviewdesk.operations;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.reviewdesk.platform.NarrowScreen;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.Toasts;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.review.StepNames;

/**
 * Open incidents and failed jobs, with the stack trace on demand and retries behind a confirmation.
 * The Camunda webapps stay out of the application: this page is the administrator's way to unstick
 * a process. Processes and steps are named in the reader's language ({@link StepNames}); what a
 * failing step reported is shown as it was reported, under a translated summary of what it means.
 */
@Route("admin/operations")
@RolesAllowed(Role.ADMIN_NAME)
public class OperationsView extends VerticalLayout implements HasDynamicTitle {


    private final Operations operations;
    private final Select<String> process = new Select<>();
    private final IntegerField retries = new IntegerField();
    private final Grid<OpenIncident> incidents = new Grid<>();
    private final Grid<FailedJob> jobs = new Grid<>();
    private final Tab incidentsTab = new Tab();
    private final Tab jobsTab = new Tab();
    private final Button retrySelected = new Button();
    private final Button retryAll = new Button();
    private final Map<String, String> processNames;

    private final BusinessTime businessTime;
    private final StepNames names;

    public OperationsView(Operations operations, BusinessTime businessTime, StepNames names) {
        this.operations = operations;
        this.businessTime = businessTime;
        this.names = names;
        this.processNames = operations.processes().stream().collect(Collectors.toMap(Operations.DeployedProcess::key,
                p -> names.process(p.key(), p.name(), getLocale()), (a, b) -> a, java.util.LinkedHashMap::new));
        addClassName("operations-view");
        setSizeFull();

        configureIncidents();
        configureJobs();
        TabSheet sheet = new TabSheet();
        sheet.setId("operations-tabs");
        sheet.add(incidentsTab, incidents);
        VerticalLayout jobsPanel = new VerticalLayout(jobsToolbar(), jobs);
        jobsPanel.setPadding(false);
        jobsPanel.setSizeFull();
        jobsPanel.setFlexGrow(1, jobs);
        sheet.add(jobsTab, jobsPanel);
        sheet.setSizeFull();

        add(toolbar(), sheet);
        setFlexGrow(1, sheet);
        refresh();
    }

    private Component toolbar() {
        process.setId("operations-process");
        process.setLabel(getTranslation("operations.process"));
        List<String> keys = new ArrayList<>();
        keys.add("");
        keys.addAll(processNames.keySet());
        process.setItems(keys);
        process.setItemLabelGenerator(k -> k.isEmpty() ? getTranslation("operations.process.all") : processNames.get(k));
        process.setValue("");
        process.addValueChangeListener(e -> refresh());

        retries.setId("operations-retries");
        retries.setLabel(getTranslation("operations.retries"));
        retries.setHelperText(getTranslation("operations.retries.help", Operations.MIN_RETRIES, Operations.MAX_RETRIES));
        retries.setMin(Operations.MIN_RETRIES);
        retries.setMax(Operations.MAX_RETRIES);
        retries.setStepButtonsVisible(true);
        retries.setValue(1);
        retries.setWidth("9em");

        Button reload = new Button(getTranslation("operations.reload"), VaadinIcon.REFRESH.create(), e -> refresh());
        reload.setId("operations-reload");
        reload.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        HorizontalLayout bar = new HorizontalLayout(process, retries, reload);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        return bar;
    }

    private void configureIncidents() {
        incidents.setId("incident-grid");
        // messages wrap: they are what the administrator reads first
        incidents.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        incidents.setPageSize(50);
        incidents.addColumn(i -> shown(i.occurredAt())).setHeader(getTranslation("operations.column.time")).setAutoWidth(true).setFlexGrow(0);
        incidents.addComponentColumn(i -> twoLines(processName(i.processKey(), i.processName()), orDash(i.businessKey())))
                .setHeader(twoHeaders("operations.column.process", "operations.column.caseRef")).setKey("process").setAutoWidth(true)
                .setFlexGrow(0);
        incidents.addComponentColumn(i -> twoLines(stepName(i.processKey(), i.activityId(), i.activityName()), typeText(i)))
                .setHeader(twoHeaders("operations.column.activity", "operations.column.type")).setKey("step").setAutoWidth(true).setFlexGrow(0)
                .setTooltipGenerator(OpenIncident::activityId);
        incidents.addComponentColumn(i -> failure(i.custom() ? "operations.failure.custom" : "operations.failure." + i.type(), i.message()))
                .setHeader(getTranslation("operations.column.message")).setKey("message").setWidth("12rem").setFlexGrow(1)
                .setTooltipGenerator(i -> orDash(i.message()));
        incidents.addComponentColumn(i -> twoLines(i.jobId() == null ? "—" : abbreviated(i.jobId()),
                        getTranslation("operations.column.retries") + " " + (i.retries() == null ? "—" : String.valueOf(i.retries()))))
                .setHeader(getTranslation("operations.column.job")).setAutoWidth(true).setFlexGrow(0).setTooltipGenerator(i -> orDash(i.jobId()));
        incidents.addComponentColumn(this::incidentActions).setHeader(getTranslation("operations.column.actions")).setKey("actions")
                .setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END).setFrozenToEnd(true);
        Grid.Column<OpenIncident> incidentCard = incidents.addComponentColumn(i -> card(
                        shown(i.occurredAt()) + " · " + processName(i.processKey(), i.processName()) + " · " + orDash(i.businessKey()),
                        stepName(i.processKey(), i.activityId(), i.activityName()) + " · " + typeText(i),
                        failure(i.custom() ? "operations.failure.custom" : "operations.failure." + i.type(), i.message()),
                        incidentActions(i)))
                .setHeader(getTranslation("operations.column.incident")).setKey("card").setFlexGrow(1);
        incidentCard.setVisible(false);
        NarrowScreen.follow(incidents, NarrowScreen.PHONE, narrow -> NarrowScreen.cardOnly(incidents, incidentCard, narrow));
        incidents.setItems(q -> operations.incidents(processKey(), q.getOffset(), q.getLimit()).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, operations.incidentCount(processKey())));
        incidents.setEmptyStateText(getTranslation("operations.incidents.empty"));
    }

    private static Component card(String where, String step, Component failure, Component actions) {
        Div first = new Div(where);
        first.addClassName("operations-card__where");
        Div second = new Div(step);
        second.addClassName("operations-cell__sub");
        actions.getElement().getClassList().add("operations-card__actions");
        Div card = new Div(first, second, failure, actions);
        card.addClassName("operations-card");
        return card;
    }

    /** Two facts in one cell, the second smaller beneath: the grid fits 1366 px without sideways scrolling. */
    private static Component twoLines(String main, String sub) {
        Div below = new Div(sub);
        below.addClassName("operations-cell__sub");
        Div cell = new Div(new Div(main), below);
        cell.addClassName("operations-cell");
        return cell;
    }

    /**
     * What the failure means for the administrator, in their language, and beneath it what the failing
     * code reported, as it reported it (in whatever language the system it called speaks): the words
     * to search the logs and the stack trace for.
     */
    private Component failure(String summaryKey, String reported) {
        Div cell = (Div) twoLines(getTranslation(summaryKey), getTranslation("operations.failure.reported", orDash(reported)));
        cell.addClassName("operations-failure");
        return cell;
    }

    private String processName(String processKey, String modelName) {
        return names.process(processKey, modelName, getLocale());
    }

    private String stepName(String processKey, String activityId, String modelName) {
        return names.of(processKey, activityId, modelName, getLocale());
    }

    private Component twoHeaders(String mainKey, String subKey) {
        return twoLines(getTranslation(mainKey), getTranslation(subKey));
    }

    private void configureJobs() {
        jobs.setId("job-grid");
        jobs.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        jobs.setSelectionMode(Grid.SelectionMode.MULTI);
        jobs.setPageSize(50);
        jobs.addColumn(j -> shown(j.createdAt())).setHeader(getTranslation("operations.column.created")).setAutoWidth(true).setFlexGrow(0);
        jobs.addComponentColumn(j -> twoLines(processName(j.processKey(), j.processName()), orDash(j.businessKey())))
                .setHeader(twoHeaders("operations.column.process", "operations.column.caseRef")).setAutoWidth(true).setFlexGrow(0);
        jobs.addColumn(j -> orDash(stepName(j.processKey(), j.activityId(), j.activityName()))).setHeader(getTranslation("operations.column.activity")).setAutoWidth(true).setFlexGrow(0)
                .setTooltipGenerator(j -> orDash(j.activityId()));
        jobs.addComponentColumn(j -> failure("operations.failure.failedJob", j.exceptionMessage()))
                .setHeader(getTranslation("operations.column.exception")).setWidth("12rem").setFlexGrow(1)
                .setTooltipGenerator(j -> orDash(j.exceptionMessage()));
        jobs.addColumn(j -> abbreviated(j.id())).setHeader(getTranslation("operations.column.job")).setAutoWidth(true).setFlexGrow(0)
                .setTooltipGenerator(FailedJob::id);
        jobs.addComponentColumn(this::jobActions).setHeader(getTranslation("operations.column.actions")).setKey("actions")
                .setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END).setFrozenToEnd(true);
        Grid.Column<FailedJob> jobCard = jobs.addComponentColumn(j -> card(
                        shown(j.createdAt()) + " · " + processName(j.processKey(), j.processName()) + " · " + orDash(j.businessKey()),
                        orDash(stepName(j.processKey(), j.activityId(), j.activityName())) + " · " + abbreviated(j.id()),
                        failure("operations.failure.failedJob", j.exceptionMessage()),
                        jobActions(j)))
                .setHeader(getTranslation("operations.column.failedJob")).setKey("card").setFlexGrow(1);
        jobCard.setVisible(false);
        NarrowScreen.follow(jobs, NarrowScreen.PHONE, narrow -> NarrowScreen.cardOnly(jobs, jobCard, narrow));
        jobs.setItems(q -> operations.failedJobs(processKey(), q.getOffset(), q.getLimit()).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, operations.failedJobCount(processKey())));
        jobs.setEmptyStateText(getTranslation("operations.jobs.empty"));
        jobs.addSelectionListener(e -> updateBulkButtons());
    }

    private Component jobsToolbar() {
        retrySelected.setId("retry-selected");
        retrySelected.setIcon(VaadinIcon.ROTATE_RIGHT.create());
        retrySelected.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        retrySelected.addClickListener(e -> {
            List<FailedJob> chosen = List.copyOf(jobs.getSelectedItems());
            confirm(getTranslation("operations.confirm.selectedTitle", chosen.size()),
                    getTranslation("operations.confirm.selected", chosen.size(), retryCount()),
                    () -> outcome(operations.retry(chosen.stream().map(FailedJob::id).toList(), retryCount())));
        });
        retryAll.setId("retry-all");
        retryAll.setIcon(VaadinIcon.ROTATE_RIGHT.create());
        retryAll.addClickListener(e -> {
            String key = processKey();
            long count = operations.failedJobCount(key);
            confirm(getTranslation("operations.confirm.allTitle", processNames.get(key)),
                    getTranslation("operations.confirm.all", count, processNames.get(key), retryCount(), Operations.MAX_BULK),
                    () -> outcome(operations.retryAll(key, retryCount())));
        });
        HorizontalLayout bar = new HorizontalLayout(retrySelected, retryAll);
        bar.setWrap(true);
        return bar;
    }

    private Component incidentActions(OpenIncident incident) {
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.setSpacing(false);
        if (incident.retryable()) {
            Button retry = small(getTranslation("operations.retry"), "incident-retry");
            retry.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            retry.addClickListener(e -> confirmRetry(incident.jobId(), incident.businessKey(),
                    stepName(incident.processKey(), incident.activityId(), incident.activityName())));
            Button trace = small(getTranslation("operations.stackTrace"), "incident-trace");
            trace.addClickListener(e -> showStackTrace(incident.jobId()));
            buttons.add(retry, trace);
        } else if (incident.custom()) {
            Button resolve = small(getTranslation("operations.resolve"), "incident-resolve");
            resolve.addClickListener(e -> confirm(getTranslation("operations.confirm.resolveTitle"),
                    getTranslation("operations.confirm.resolve", orDash(incident.businessKey()), orDash(incident.message())),
                    () -> {
                        operations.resolve(incident.id());
                        Toasts.success(getTranslation("operations.resolved", orDash(incident.businessKey())));
                    }));
            buttons.add(resolve);
        }
        return buttons;
    }

    private Component jobActions(FailedJob job) {
        Button retry = small(getTranslation("operations.retry"), "job-retry");
        retry.addClickListener(e -> confirmRetry(job.id(), job.businessKey(), stepName(job.processKey(), job.activityId(), job.activityName())));
        Button trace = small(getTranslation("operations.stackTrace"), "job-trace");
        trace.addClickListener(e -> showStackTrace(job.id()));
        HorizontalLayout buttons = new HorizontalLayout(retry, trace);
        buttons.setSpacing(false);
        return buttons;
    }

    private void confirmRetry(String jobId, String caseRef, String activity) {
        int count = retryCount();
        confirm(getTranslation("operations.confirm.retryTitle"),
                getTranslation("operations.confirm.retry", orDash(caseRef), orDash(activity), count),
                () -> {
                    operations.retry(jobId, count);
                    Toasts.success(getTranslation("operations.retried", orDash(caseRef)));
                });
    }

    private void confirm(String header, String text, Runnable act) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("operations-confirm");
        dialog.setHeader(header);
        dialog.setText(text);
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("operations.cancel"));
        dialog.setConfirmText(getTranslation("operations.confirm"));
        dialog.addConfirmListener(e -> {
            try {
                act.run();
            } catch (UserFacingException refused) {
                Toasts.error(getTranslation(refused.messageKey(), refused.arguments()));
            }
            jobs.deselectAll();
            refresh();
        });
        dialog.open();
    }

    private void outcome(RetryOutcome outcome) {
        if (outcome.retried() > 0) {
            Toasts.success(getTranslation("operations.retriedMany", outcome.retried()));
        }
        if (outcome.skipped() > 0) {
            Toasts.error(getTranslation("operations.skipped", outcome.skipped()));
        }
        if (outcome.remaining() > 0) {
            Toasts.error(getTranslation("operations.remaining", outcome.remaining()));
        }
        if (outcome.retried() == 0 && outcome.skipped() == 0) {
            Toasts.error(getTranslation("operations.nothingToRetry"));
        }
    }

    private void showStackTrace(String jobId) {
        String trace;
        try {
            trace = operations.stackTrace(jobId);
        } catch (UserFacingException gone) {
            Toasts.error(getTranslation(gone.messageKey(), gone.arguments()));
            refresh();
            return;
        }
        Pre text = new Pre(trace.isEmpty() ? getTranslation("operations.stackTrace.none") : trace);
        text.addClassName("stack-trace");
        Dialog dialog = new Dialog(text);
        dialog.setId("stack-trace");
        dialog.setHeaderTitle(getTranslation("operations.stackTrace.title", jobId));
        dialog.setWidth("min(1100px, 95vw)");
        Button close = new Button(getTranslation("operations.close"), e -> dialog.close());
        dialog.getFooter().add(close);
        dialog.open();
    }

    /** Reloads both lists and their counts (after a filter change, an act, or on request). */
    void refresh() {
        String key = processKey();
        long incidentCount = operations.incidentCount(key);
        long jobCount = operations.failedJobCount(key);
        label(incidentsTab, "operations.incidents", incidentCount);
        label(jobsTab, "operations.jobs", jobCount);
        incidents.getDataProvider().refreshAll();
        jobs.getDataProvider().refreshAll();
        updateBulkButtons();
    }

    private void label(Tab tab, String key, long count) {
        tab.removeAll();
        Span number = new Span(String.valueOf(count));
        number.getElement().getThemeList().add(count > 0 ? "badge error pill small" : "badge contrast pill small");
        tab.add(new Span(getTranslation(key)), number);
    }

    private void updateBulkButtons() {
        int selected = jobs.getSelectedItems().size();
        retrySelected.setText(getTranslation("operations.retrySelected", selected));
        retrySelected.setEnabled(selected > 0);
        String key = processKey();
        retryAll.setText(key == null ? getTranslation("operations.retryAll.choose")
                : getTranslation("operations.retryAll", processNames.get(key)));
        retryAll.setEnabled(key != null);
    }

    private String processKey() {
        return process.getValue() == null || process.getValue().isEmpty() ? null : process.getValue();
    }

    /** The retries the administrator chose; an empty or out-of-range field is refused by the service. */
    private int retryCount() {
        Integer value = retries.getValue();
        return value == null ? 0 : value;
    }

    private String typeText(OpenIncident incident) {
        return switch (incident.type()) {
            case "failedJob" -> getTranslation("operations.type.failedJob");
            case "failedExternalTask" -> getTranslation("operations.type.failedExternalTask");
            default -> getTranslation("operations.type.custom", incident.type());
        };
    }

    private static Button small(String text, String className) {
        Button button = new Button(text);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.addClassName(className);
        return button;
    }

    private String shown(OffsetDateTime time) {
        return time == null ? "" : businessTime.minute(time);
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }

    private static String abbreviated(String id) {
        return id.length() <= 8 ? id : id.substring(0, 8) + "…";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("operations.title");
    }
}
