package org.reviewdesk.review;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.Toasts;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.rules.WorkingDayCalendar;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;

/**
 * The reviewer's task inbox: one tab per {@link InboxTab} with its count, a lazy grid of the
 * projection's tasks, search and process filter, claim and unclaim per row or for the selected rows.
 */
@Route("review/inbox")
@RolesAllowed({Role.REVIEWER_NAME, Role.SUPERVISOR_NAME})
public class InboxView extends VerticalLayout implements HasDynamicTitle {

    private final Inbox inbox;
    private final WorkingDayCalendar calendar;
    private final CurrentUser user;
    private final Map<InboxTab, Tab> tabs = new EnumMap<>(InboxTab.class);
    private final Tabs tabBar = new Tabs();
    private final Grid<ReviewTask> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Select<String> process = new Select<>();
    private final Button bulkClaim = new Button();
    private final List<CaseAdapter> adapters;
    private InboxTab tab = InboxTab.MINE;

    public InboxView(Inbox inbox, WorkingDayCalendar calendar, ObjectProvider<CaseAdapter> adapters) {
        this.inbox = inbox;
        this.calendar = calendar;
        this.adapters = adapters.orderedStream().toList();
        this.user = CurrentUser.require();
        addClassName("inbox-view");
        setSizeFull();

        tabBar.setId("inbox-tabs");
        tabBar.addClassName("inbox-tabs");
        for (InboxTab t : InboxTab.values()) {
            if (t == InboxTab.ALL && !user.has(Role.SUPERVISOR)) {
                continue;
            }
            Tab item = new Tab();
            item.setId("tab-" + t.name());
            tabs.put(t, item);
            tabBar.add(item);
        }
        tabBar.addSelectedChangeListener(e -> {
            tabs.forEach((t, item) -> {
                if (item == e.getSelectedTab()) {
                    tab = t;
                }
            });
            grid.deselectAll();
            refresh();
        });

        add(tabBar, toolbar(), grid);
        configureGrid();
        setFlexGrow(1, grid);
        // a reviewer with nothing claimed starts where the work is
        Map<InboxTab, Long> counts = updateCounts();
        if (counts.getOrDefault(InboxTab.MINE, 0L) == 0 && counts.getOrDefault(InboxTab.UNCLAIMED, 0L) > 0) {
            tab = InboxTab.UNCLAIMED;
            tabBar.setSelectedTab(tabs.get(InboxTab.UNCLAIMED));
        }
        refresh();
    }

    private Component toolbar() {
        search.setId("inbox-search");
        search.setPlaceholder(getTranslation("review.inbox.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        search.addClassName("inbox-search");
        search.setAriaLabel(getTranslation("review.inbox.search.label"));

        process.setId("inbox-process");
        process.setLabel(null);
        process.setAriaLabel(getTranslation("review.inbox.process.label"));
        List<String> keys = new ArrayList<>();
        keys.add("");
        adapters.forEach(a -> keys.add(a.processKey()));
        process.setItems(keys);
        process.setItemLabelGenerator(k -> k.isEmpty() ? getTranslation("review.inbox.process.all") : processName(k));
        process.setValue("");
        process.addValueChangeListener(e -> refresh());

        bulkClaim.setId("inbox-bulk-claim");
        bulkClaim.setIcon(VaadinIcon.HAND.create());
        bulkClaim.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        bulkClaim.setEnabled(false);
        bulkClaim.addClickListener(e -> claimSelected());

        Button reload = new Button(VaadinIcon.REFRESH.create(), e -> refresh());
        reload.setId("inbox-reload");
        reload.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        reload.setAriaLabel(getTranslation("review.inbox.reload"));
        reload.setTooltipText(getTranslation("review.inbox.reload"));

        HorizontalLayout bar = new HorizontalLayout(search, process, bulkClaim, reload);
        bar.addClassName("inbox-toolbar");
        bar.setWidthFull();
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.expand(search);
        updateBulkClaim();
        return bar;
    }

    private void configureGrid() {
        grid.setId("inbox-grid");
        grid.addClassName("inbox-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.setPageSize(50);
        grid.addColumn(ReviewTask::caseRef).setHeader(getTranslation("review.inbox.column.caseRef"))
                .setKey("caseRef").setAutoWidth(true).setFlexGrow(0).setClassNameGenerator(t -> "inbox-case-ref");
        grid.addColumn(ReviewTask::title).setHeader(getTranslation("review.inbox.column.title"))
                .setKey("title").setFlexGrow(3).setTooltipGenerator(ReviewTask::title);
        grid.addColumn(t -> processName(t.processKey())).setHeader(getTranslation("review.inbox.column.process"))
                .setKey("process").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ReviewTask::taskName).setHeader(getTranslation("review.inbox.column.task"))
                .setKey("task").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> t.receivedAt() == null ? "" : t.receivedAt().atZoneSameInstant(SlaBadge.CHINA).format(SlaBadge.MINUTE))
                .setHeader(getTranslation("review.inbox.column.received")).setKey("received")
                .setSortable(true).setSortProperty(InboxQuery.Sort.RECEIVED.name()).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(t -> new SlaBadge(t.dueAt(), calendar, OffsetDateTime.now()))
                .setHeader(getTranslation("review.inbox.column.due")).setKey("due")
                .setSortable(true).setSortProperty(InboxQuery.Sort.DUE.name()).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::assigneeText).setHeader(getTranslation("review.inbox.column.assignee"))
                .setKey("assignee").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("review.inbox.column.actions"))
                .setKey("actions").setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);

        grid.setItems(query -> inbox.page(query(query.getOffset(), query.getLimit(), query.getSortOrders()), user).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, inbox.count(query(0, 1, query.getSortOrders()), user)));
        grid.addItemDoubleClickListener(e -> open(e.getItem()));
        grid.addSelectionListener(e -> updateBulkClaim());
        grid.setEmptyStateText(getTranslation("review.inbox.empty"));
    }

    private InboxQuery query(int offset, int limit, List<QuerySortOrder> sortOrders) {
        InboxQuery.Sort sort = sortOrders.stream().findFirst()
                .map(o -> InboxQuery.Sort.valueOf(o.getSorted())).orElse(InboxQuery.Sort.DUE);
        String text = search.getValue() == null || search.getValue().isBlank() ? null : search.getValue().strip();
        String key = process.getValue() == null || process.getValue().isEmpty() ? null : process.getValue();
        return new InboxQuery(tab, key, text, null, sort, offset, Math.max(1, Math.min(limit, 200)));
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
        } else if (task.assignee().equals(user.username()) || user.has(Role.SUPERVISOR)) {
            Button unclaim = new Button(getTranslation("review.inbox.unclaim"), e -> act(task, inbox::unclaim, "review.inbox.unclaimed"));
            unclaim.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            unclaim.addClassName("inbox-unclaim");
            buttons.add(unclaim);
        }
        Button open = new Button(getTranslation("review.inbox.open"), VaadinIcon.ARROW_RIGHT.create(), e -> open(task));
        open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        open.setIconAfterText(true);
        open.addClassName("inbox-open");
        buttons.add(open);
        return buttons;
    }

    private String assigneeText(ReviewTask task) {
        if (task.assignee() == null) {
            return getTranslation("review.inbox.unassigned");
        }
        return task.assignee().equals(user.username()) ? getTranslation("review.inbox.me") : task.assignee();
    }

    private String processName(String processKey) {
        return inbox.adapter(processKey).map(a -> getTranslation(a.processNameKey())).orElse(processKey);
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
        Set<ReviewTask> selected = grid.getSelectedItems();
        int claimed = 0;
        List<String> refused = new ArrayList<>();
        for (ReviewTask task : selected) {
            if (task.assignee() != null) {
                continue;
            }
            try {
                inbox.claim(task.taskId(), user);
                claimed++;
            } catch (UserFacingException | AccessDeniedException e) {
                refused.add(task.caseRef());
            }
        }
        if (claimed > 0) {
            Toasts.success(getTranslation("review.inbox.bulkClaimed", claimed));
        }
        if (!refused.isEmpty()) {
            Toasts.error(getTranslation("review.inbox.bulkRefused", refused.size(), String.join(", ", refused)));
        }
        if (claimed == 0 && refused.isEmpty()) {
            Toasts.error(getTranslation("review.inbox.bulkNothing"));
        }
        grid.deselectAll();
        refresh();
    }

    private void updateBulkClaim() {
        long claimable = grid.getSelectedItems().stream().filter(t -> t.assignee() == null).count();
        bulkClaim.setText(getTranslation("review.inbox.bulkClaim", claimable));
        bulkClaim.setEnabled(claimable > 0);
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

    /** Reloads the grid and the tab counts (after a filter change, a claim, or on request). */
    void refresh() {
        updateCounts();
        grid.getDataProvider().refreshAll();
        updateBulkClaim();
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
