package org.reviewdesk.review;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridMultiSelectionModel;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.NarrowScreen;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.Toasts;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.rules.WorkingDayCalendar;
import org.springframework.security.access.AccessDeniedException;

/**
 * The reviewer's task inbox: one tab per {@link InboxTab} with its count, a lazy grid of the
 * projection's tasks, search and filters ({@link InboxFilterBar}), saved filters
 * ({@link SavedFilterBar}), claim and unclaim per row or for the selected rows, and for supervisors
 * assignment of one task or the selection. New tasks arrive without a reload ({@link InboxPush}).
 */
@Route("review/inbox")
@RolesAllowed({Role.REVIEWER_NAME, Role.SUPERVISOR_NAME, Role.HOTLINE_AGENT_NAME, Role.HANDLER_NAME})
public class InboxView extends VerticalLayout implements HasDynamicTitle {

    private final Inbox inbox;
    private final StepNames stepNames;
    private final WorkingDayCalendar calendar;
    private final BusinessTime time;
    private final InboxPush push;
    private final CurrentUser user;
    /** Whether the user supervises some process: the ALL tab and assignment. */
    private final boolean supervisor;
    private final Map<InboxTab, Tab> tabs = new EnumMap<>(InboxTab.class);
    private final Tabs tabBar = new Tabs();
    private final Grid<ReviewTask> grid = new Grid<>();
    private final InboxFilterBar filters;
    private final SavedFilterBar savedFilters;
    private final Button bulkClaim = new Button();
    private final Button filterToggle = new Button(VaadinIcon.FILTER.create());
    private final Button bulkAssign = new Button();
    private InboxTab tab = InboxTab.MINE;
    private boolean applying;

    private final AutoAssignment autoAssignment;
    private final ColleagueNames colleagueNames;
    /** Display names of the assignees of the rows loaded so far, by username. */
    private final Map<String, String> names = new HashMap<>();

    public InboxView(Inbox inbox, WorkingDayCalendar calendar, BusinessTime time, SavedFilters saved, InboxPush push,
                     StepNames stepNames, AutoAssignment autoAssignment, ColleagueNames colleagueNames) {
        this.stepNames = stepNames;
        this.colleagueNames = colleagueNames;
        this.autoAssignment = autoAssignment;
        this.inbox = inbox;
        this.time = time;
        this.calendar = calendar;
        this.push = push;
        this.user = CurrentUser.require();
        this.supervisor = inbox.supervisesAny(user);
        addClassName("inbox-view");
        setSizeFull();

        tabBar.setId("inbox-tabs");
        tabBar.addClassName("inbox-tabs");
        for (InboxTab t : InboxTab.values()) {
            if (t == InboxTab.ALL && !supervisor) {
                continue;
            }
            Tab item = new Tab();
            item.setId("tab-" + t.name());
            tabs.put(t, item);
            tabBar.add(item);
        }
        filters = new InboxFilterBar(inbox, user, supervisor, inbox.processes(user).stream().map(CaseAdapter::processKey).toList(),
                this::processName);
        savedFilters = new SavedFilterBar(saved, user, () -> filters.value(tab), this::apply);
        filters.addChangeListener(() -> {
            savedFilters.clearChoice();
            refresh();
        });
        tabBar.addSelectedChangeListener(e -> {
            tabs.forEach((t, item) -> {
                if (item == e.getSelectedTab()) {
                    tab = t;
                }
            });
            filters.showFor(tab);
            grid.deselectAll();
            if (!applying) {
                savedFilters.clearChoice();
                refresh();
            }
        });

        // a phone: the filters and the saved filters fold away behind a button, so the first tasks show on the first screen
        filterToggle.setId("inbox-filter-toggle");
        filterToggle.addClassName("inbox-filter-toggle");
        filterToggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        filterToggle.setVisible(false);
        filterToggle.addClickListener(e -> {
            boolean open = !filters.isVisible();
            filters.setVisible(open);
            savedFilters.setVisible(open);
            filterToggle.setClassName("inbox-filter-toggle--open", open);
            filterToggle.setText(getTranslation(open ? "review.inbox.filters.hide" : "review.inbox.filters.show"));
        });
        filterToggle.setText(getTranslation("review.inbox.filters.show"));
        add(tabBar, filterToggle, filters, actionBar(), grid);
        configureGrid();
        setFlexGrow(1, grid);
        // a reviewer with nothing claimed starts where the work is
        Map<InboxTab, Long> counts = updateCounts();
        if (counts.getOrDefault(InboxTab.MINE, 0L) == 0 && counts.getOrDefault(InboxTab.UNCLAIMED, 0L) > 0) {
            tab = InboxTab.UNCLAIMED;
            // the counts were just read: no refresh from the listener (each one counts every tab again)
            applying = true;
            tabBar.setSelectedTab(tabs.get(InboxTab.UNCLAIMED));
            applying = false;
        }
        filters.showFor(tab);
        // the grid loads its first page when attached
        updateBulkButtons();
    }

    private Component actionBar() {
        bulkClaim.setId("inbox-bulk-claim");
        bulkClaim.setIcon(VaadinIcon.HAND.create());
        bulkClaim.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        bulkClaim.setEnabled(false);
        bulkClaim.addClickListener(e -> claimSelected());

        bulkAssign.setId("inbox-bulk-assign");
        bulkAssign.setIcon(VaadinIcon.USER_CHECK.create());
        bulkAssign.setEnabled(false);
        bulkAssign.setVisible(supervisor);
        bulkAssign.addClickListener(e -> assign(grid.getSelectedItems()));

        Button reload = new Button(VaadinIcon.REFRESH.create(), e -> refresh());
        reload.setId("inbox-reload");
        reload.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        reload.setAriaLabel(getTranslation("review.inbox.reload"));
        reload.setTooltipText(getTranslation("review.inbox.reload"));

        Span spacer = new Span();
        // the acts on the selection stay together: where the line is too short they wrap as one group,
        // never a button alone on a line of its own
        HorizontalLayout acts = new HorizontalLayout(presence(), bulkClaim, bulkAssign, reload);
        acts.addClassName("inbox-bulk-actions");
        acts.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        HorizontalLayout bar = new HorizontalLayout(savedFilters, spacer, acts);
        bar.addClassName("inbox-actionbar");
        bar.setWidthFull();
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.expand(spacer);
        bar.setWrap(true);
        updateBulkButtons();
        return bar;
    }

    /** "Present today": the reviewer's own switch for automatic assignment ({@link AutoAssignment}). */
    private Component presence() {
        Checkbox present = new Checkbox(getTranslation("review.presence.label"), autoAssignment.isPresent(user));
        present.setId("inbox-presence");
        present.addClassName("inbox-presence");
        present.setTooltipText(getTranslation("review.presence.hint"));
        present.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            autoAssignment.setPresent(e.getValue(), user);
            Toasts.success(getTranslation(e.getValue() ? "review.presence.nowPresent" : "review.presence.nowAbsent"));
        });
        return present;
    }

    private void configureGrid() {
        grid.setId("inbox-grid");
        grid.addClassName("inbox-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        ((GridMultiSelectionModel<ReviewTask>) grid.setSelectionMode(Grid.SelectionMode.MULTI)).setSelectionColumnFrozen(true);
        grid.setPageSize(50);
        // Fits 1366 px beside the menu without sideways scrolling (issue 14 item 7): the received time sits
        // under the number, the step under the process, the days left under the due date. Widths in rem, not
        // em: the header's font is smaller than the rows', and em widths put each header beside its column.
        grid.addComponentColumn(this::caseRefCell).setHeader(getTranslation("review.inbox.column.caseRef"))
                // a fixed width: auto width is measured before the lazy rows arrive and cut the number short
                .setKey("caseRef").setWidth("11.5rem").setFlexGrow(0).setFrozen(true).setTooltipGenerator(
                        t -> getTranslation("review.inbox.column.received") + " " + time.minute(t.receivedAt()));
        // long names (a name change's "old → new") wrap to two lines instead of ending in "…"
        grid.addComponentColumn(this::titleCell).setHeader(getTranslation("review.inbox.column.title"))
                .setKey("title").setWidth("10rem").setFlexGrow(3).setTooltipGenerator(ReviewTask::title);
        grid.addComponentColumn(this::stepCell).setHeader(getTranslation("review.inbox.column.processAndTask"))
                .setKey("process").setWidth("9.5rem").setFlexGrow(1)
                .setTooltipGenerator(t -> processName(t.processKey()) + " · " + stepName(t));
        grid.addComponentColumn(t -> new SlaBadge(t.dueAt(), calendar, time))
                .setHeader(getTranslation("review.inbox.column.due")).setKey("due").setWidth("9rem").setFlexGrow(0);
        // not auto width: the first rows' "我" would make "未领取" further down too narrow
        grid.addComponentColumn(this::assigneeCell).setHeader(getTranslation("review.inbox.column.assignee"))
                .setKey("assignee").setWidth("6.5rem").setFlexGrow(0).setTooltipGenerator(t -> assigneeHint(t));
        grid.addComponentColumn(this::actions).setHeader(getTranslation("review.inbox.column.actions"))
                // on a narrow screen the grid scrolls sideways; the number and the actions stay in view
                // a fixed width: auto width measured the first rows' "Claim" and cut a later row's English "Take back"
                .setKey("actions").setWidth("13.5rem").setFlexGrow(0).setFrozenToEnd(true).setTextAlign(ColumnTextAlign.END);

        // a phone: one card per task (number, name, step, due date, assignee, actions) instead of seven columns
        Grid.Column<ReviewTask> card = grid.addComponentColumn(this::card).setHeader(getTranslation("review.inbox.column.card"))
                .setKey("card").setFlexGrow(1);
        card.setVisible(false);
        NarrowScreen.follow(grid, NarrowScreen.PHONE, narrow -> {
            NarrowScreen.cardOnly(grid, card, narrow);
            filterToggle.setVisible(narrow);
            boolean shown = !narrow || filterToggle.hasClassName("inbox-filter-toggle--open");
            filters.setVisible(shown);
            savedFilters.setVisible(shown);
        });

        // the order is the filter bar's (saved with a filter), not the column headers'
        grid.setItems(query -> named(inbox.page(query(query.getOffset(), query.getLimit()), user)).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, inbox.count(query(0, 1), user)));
        grid.addItemDoubleClickListener(e -> open(e.getItem()));
        grid.addSelectionListener(e -> updateBulkButtons());
        grid.setEmptyStateText(getTranslation("review.inbox.empty"));
    }

    /** The page, its assignees' display names looked up (one query for those not known yet). */
    private List<ReviewTask> named(List<ReviewTask> page) {
        List<String> unknown = page.stream().map(ReviewTask::assignee).filter(a -> a != null && !names.containsKey(a)).distinct().toList();
        if (!unknown.isEmpty()) {
            names.putAll(colleagueNames.of(unknown, user));
        }
        return page;
    }

    private InboxQuery query(int offset, int limit) {
        return filters.value(tab).query(null, offset, Math.max(1, Math.min(limit, InboxService.MAX_LIMIT)), calendar,
                time.now());
    }

    private Component actions(ReviewTask task) {
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.setSpacing(false);
        buttons.addClassName("inbox-actions");
        if (task.assignee() == null) {
            Button claim = new Button(getTranslation("review.inbox.claim"), e -> act(task, inbox::claim, "review.inbox.claimed"));
            claim.addThemeVariants(ButtonVariant.LUMO_SMALL);
            claim.addClassName("inbox-claim");
            buttons.add(claim);
        } else if (task.assignee().equals(user.username()) || inbox.supervises(user, task.processKey())) {
            Button unclaim = new Button(getTranslation("review.inbox.unclaim"), e -> act(task, inbox::unclaim, "review.inbox.unclaimed"));
            unclaim.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            unclaim.addClassName("inbox-unclaim");
            buttons.add(unclaim);
        }
        if (inbox.supervises(user, task.processKey())) {
            Button assign = new Button(getTranslation(task.assignee() == null ? "review.inbox.assign" : "review.inbox.reassign"),
                    e -> assign(List.of(task)));
            assign.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            assign.addClassName("inbox-assign");
            buttons.add(assign);
        }
        Button open = new Button(getTranslation("review.inbox.open"), VaadinIcon.ARROW_RIGHT.create(), e -> open(task));
        open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        open.setIconAfterText(true);
        open.addClassName("inbox-open");
        buttons.add(open);
        return buttons;
    }

    /** The number, and under it when the case was received. */
    private Component caseRefCell(ReviewTask task) {
        Span number = new Span(task.caseRef());
        number.addClassName("inbox-cell__main");
        Span received = new Span(time.minute(task.receivedAt()));
        received.addClassName("inbox-cell__sub");
        Div cell = new Div(number, received);
        cell.addClassNames("inbox-cell", "inbox-case-ref");
        return cell;
    }

    private Component titleCell(ReviewTask task) {
        Span title = new Span(task.title() == null ? "" : task.title());
        title.addClassName("inbox-title");
        return title;
    }

    private Component card(ReviewTask task) {
        Div first = new Div(caseRefCell(task), new SlaBadge(task.dueAt(), calendar, time));
        first.addClassName("inbox-card__head");
        Span title = new Span(task.title() == null ? "" : task.title());
        title.addClassName("inbox-card__title");
        Span step = new Span(stepNames.processShort(task.processKey(), task.processKey(), getLocale()) + " · " + stepName(task)
                + " · " + assigneeText(task));
        step.addClassName("inbox-cell__sub");
        Component actions = actions(task);
        actions.getElement().getClassList().add("inbox-card__actions");
        Div card = new Div(first, title, step, actions);
        card.addClassName("inbox-card");
        return card;
    }

    /** The process, and under it the step (in the reader's language). */
    private Component stepCell(ReviewTask task) {
        // a short name where the bundle has one ("Rep. change & deregistration"): the full one is on hover
        Span process = new Span(stepNames.processShort(task.processKey(), task.processKey(), getLocale()));
        process.addClassNames("inbox-cell__main", "inbox-process-name");
        Span step = new Span(stepName(task));
        step.addClassNames("inbox-cell__sub", "inbox-step");
        Div cell = new Div(process, step);
        cell.addClassNames("inbox-cell", "inbox-process-cell");
        return cell;
    }

    private String stepName(ReviewTask task) {
        return stepNames.of(task.processKey(), task.taskKey(), task.taskName(), getLocale());
    }

    /** Who holds the task, and under it why when it was assigned automatically. */
    private Component assigneeCell(ReviewTask task) {
        Span who = new Span(assigneeText(task));
        who.addClassName("inbox-cell__main");
        Div cell = new Div(who);
        cell.addClassNames("inbox-cell", "inbox-assignee-cell");
        if (task.autoAssigned()) {
            Span reason = new Span(getTranslation("review.inbox.autoAssigned"));
            reason.addClassNames("inbox-cell__sub", "inbox-auto-assigned");
            cell.add(reason);
        }
        return cell;
    }

    /** The assignee as shown, with the username beside a display name and why when assigned automatically. */
    private String assigneeHint(ReviewTask task) {
        String hint = assigneeText(task);
        if (task.assignee() != null && !hint.equals(task.assignee())) {
            hint += " (" + task.assignee() + ")";
        }
        return task.autoAssigned() ? hint + " · " + getTranslation("review.task.autoAssigned") : hint;
    }

    private String assigneeText(ReviewTask task) {
        if (task.assignee() == null) {
            return getTranslation("review.inbox.unassigned");
        }
        return task.assignee().equals(user.username()) ? getTranslation("review.inbox.me")
                : names.getOrDefault(task.assignee(), task.assignee());
    }

    private String processName(String processKey) {
        return stepNames.process(processKey, processKey, getLocale());
    }

    private void act(ReviewTask task, BiConsumer<String, CurrentUser> action, String doneKey) {
        try {
            action.accept(task.taskId(), user);
            Toasts.success(getTranslation(doneKey, task.caseRef()));
        } catch (UserFacingException e) {
            Toasts.error(getTranslation(e.messageKey(), e.arguments()));
        } catch (AccessDeniedException e) {
            Toasts.error(getTranslation("review.inbox.denied", task.caseRef()));
        }
        refresh();
    }

    private void claimSelected() {
        List<ReviewTask> claimable = grid.getSelectedItems().stream().filter(t -> t.assignee() == null).toList();
        if (claimable.isEmpty()) {
            Toasts.error(getTranslation("review.inbox.bulkNothing"));
            return;
        }
        BulkResults.report(BulkResults.run(claimable, t -> inbox.claim(t.taskId(), user)), "review.bulk.claim",
                "review.inbox.bulkClaimed");
        grid.deselectAll();
        refresh();
    }

    /** A supervisor picks a colleague for these tasks; each is assigned on its own and the outcome of each told. */
    private void assign(Collection<ReviewTask> chosen) {
        List<ReviewTask> selection = List.copyOf(chosen);
        if (selection.isEmpty()) {
            return;
        }
        List<Colleague> candidates = inbox.candidates(selection.stream().map(ReviewTask::taskId).toList(), user);
        new AssignDialog(selection, candidates, to -> {
            BulkResults.report(BulkResults.run(selection, t -> inbox.assign(t.taskId(), to.username(), user)),
                    "review.bulk.assign", selection.size() == 1 ? "review.inbox.assignedOne" : "review.inbox.assignedMany");
            grid.deselectAll();
            refresh();
        }).open();
    }

    private void updateBulkButtons() {
        long claimable = grid.getSelectedItems().stream().filter(t -> t.assignee() == null).count();
        bulkClaim.setText(getTranslation("review.inbox.bulkClaim", claimable));
        bulkClaim.setEnabled(claimable > 0);
        int selected = grid.getSelectedItems().size();
        bulkAssign.setText(getTranslation("review.inbox.bulkAssign", selected));
        bulkAssign.setEnabled(selected > 0);
    }

    /** Shows a saved filter: its tab (where this user has it) and its fields, then one refresh. */
    private void apply(InboxFilter saved) {
        InboxFilter filter = saved.forUser(supervisor);
        applying = true;
        try {
            filters.show(filter);
            tabBar.setSelectedTab(tabs.get(filter.tab()));
            filters.showFor(tab);
        } finally {
            applying = false;
        }
        grid.deselectAll();
        refresh();
    }

    private void open(ReviewTask task) {
        getUI().ifPresent(ui -> ui.navigate(ReviewView.class, new RouteParameters(ReviewView.TASK_ID, task.taskId())));
    }

    private Map<InboxTab, Long> updateCounts() {
        Map<InboxTab, Long> counts = inbox.tabCounts(user);
        tabs.forEach((t, item) -> {
            long n = counts.getOrDefault(t, 0L);
            item.removeAll();
            Span label = new Span(getTranslation(t.messageKey()));
            Span count = new Span(String.valueOf(n));
            count.addClassNames("inbox-tab-count", t == InboxTab.OVERDUE && n > 0 ? "inbox-tab-count--alarm" : "inbox-tab-count--calm");
            item.add(label, count);
        });
        return counts;
    }

    /** Reloads the grid and the tab counts (after a filter change, a claim, a push, or on request). */
    void refresh() {
        updateCounts();
        grid.getDataProvider().refreshAll();
        updateBulkButtons();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        push.register(this);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        push.unregister(this);
        super.onDetach(detachEvent);
    }

    /** The tab shown. */
    InboxTab tab() {
        return tab;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("review.inbox.title");
    }
}
