package org.reviewdesk.review;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.reviewdesk.platform.CurrentUser;

/**
 * The inbox's search and filters: process, claim state, assignee (supervisors, ALL tab), due window
 * and order. Its value is an {@link InboxFilter}; the state filter shows only where a tab mixes
 * claimed and unclaimed tasks (OVERDUE, ALL), the assignee filter only on ALL.
 */
class InboxFilterBar extends HorizontalLayout {

    private final TextField search = new TextField();
    private final Select<String> process = new Select<>();
    private final Select<InboxQuery.ClaimState> state = new Select<>();
    private final ComboBox<Colleague> assignee = new ComboBox<>();
    private final Select<DueWindow> due = new Select<>();
    private final IntegerField dueDays = new IntegerField();
    private final Select<InboxQuery.Sort> sort = new Select<>();
    private final Inbox inbox;
    private final CurrentUser user;
    /** Whether the user supervises some process: the ALL tab's assignee filter. */
    private final boolean supervisor;
    private final List<Runnable> listeners = new ArrayList<>();
    private boolean quiet;

    InboxFilterBar(Inbox inbox, CurrentUser user, boolean supervisor, List<String> processKeys,
                   Function<String, String> processName) {
        this.inbox = inbox;
        this.user = user;
        this.supervisor = supervisor;
        addClassName("inbox-toolbar");
        setWidthFull();
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

        search.setId("inbox-search");
        search.setPlaceholder(getTranslation("review.inbox.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setMaxLength(InboxFilter.MAX_SEARCH_LENGTH);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addClassName("inbox-search");
        search.setAriaLabel(getTranslation("review.inbox.search.label"));
        // the placeholder is short so the toolbar stays one line at 1366 px; what it searches is said on hover
        search.setTooltipText(getTranslation("review.inbox.search.hint"));

        process.setId("inbox-process");
        process.setAriaLabel(getTranslation("review.inbox.process.label"));
        List<String> keys = new ArrayList<>();
        keys.add("");
        keys.addAll(processKeys);
        process.setItems(keys);
        process.setItemLabelGenerator(k -> k.isEmpty() ? getTranslation("review.inbox.process.all") : processName.apply(k));
        process.setValue("");

        state.setId("inbox-state");
        state.setAriaLabel(getTranslation("review.inbox.state.label"));
        state.setItems(InboxQuery.ClaimState.values());
        state.setItemLabelGenerator(s -> getTranslation("review.inbox.state." + s.name()));
        state.setValue(InboxQuery.ClaimState.ANY);

        assignee.setId("inbox-assignee");
        assignee.setAriaLabel(getTranslation("review.inbox.assignee.label"));
        assignee.setPlaceholder(getTranslation("review.inbox.assignee.any"));
        assignee.setItemLabelGenerator(Colleague::label);
        assignee.setClearButtonVisible(true);
        assignee.setVisible(false);
        assignee.addClassName("inbox-assignee");

        due.setId("inbox-due");
        due.setAriaLabel(getTranslation("review.inbox.due.label"));
        due.setItems(DueWindow.values());
        due.setItemLabelGenerator(w -> getTranslation(w.messageKey()));
        due.setValue(DueWindow.ANY);

        dueDays.setId("inbox-due-days");
        dueDays.setAriaLabel(getTranslation("review.inbox.due.days"));
        dueDays.setMin(1);
        dueDays.setMax(DueWindow.MAX_WORKING_DAYS);
        dueDays.setValue(InboxFilter.DEFAULT_DUE_DAYS);
        dueDays.setSuffixComponent(new Span(getTranslation("review.inbox.due.daysSuffix")));
        dueDays.addClassName("inbox-due-days");
        dueDays.setVisible(false);

        sort.setId("inbox-sort");
        sort.setAriaLabel(getTranslation("review.inbox.sort.label"));
        sort.setItems(InboxQuery.Sort.values());
        sort.setItemLabelGenerator(s -> getTranslation("review.inbox.sort." + s.name()));
        sort.setValue(InboxQuery.Sort.DUE);

        add(search, process, state, assignee, due, dueDays, sort);
        expand(search);
        for (HasValue<?, ?> field : List.<HasValue<?, ?>>of(search, process, state, assignee, due, dueDays, sort)) {
            field.addValueChangeListener(e -> changed());
        }
    }

    /** Shows the fields that mean something on {@code tab}. */
    void showFor(InboxTab tab) {
        state.setVisible(tab == InboxTab.OVERDUE || tab == InboxTab.ALL);
        boolean byAssignee = tab == InboxTab.ALL && supervisor;
        if (byAssignee && !assignee.isVisible()) {
            Colleague chosen = assignee.getValue();
            quietly(() -> {
                assignee.setItems(inbox.assignees(user));
                assignee.setValue(chosen);
            });
        }
        assignee.setVisible(byAssignee);
        dueDays.setVisible(due.getValue() == DueWindow.WORKING_DAYS);
    }

    /** The filter as shown, for {@code tab}: fields hidden on that tab do not filter. */
    InboxFilter value(InboxTab tab) {
        boolean byState = tab == InboxTab.OVERDUE || tab == InboxTab.ALL;
        boolean byAssignee = tab == InboxTab.ALL && supervisor;
        return new InboxFilter(tab, process.getValue(), search.getValue(),
                byState ? state.getValue() : InboxQuery.ClaimState.ANY,
                byAssignee && assignee.getValue() != null ? assignee.getValue().username() : null,
                due.getValue(), dueDays.getValue() == null ? InboxFilter.DEFAULT_DUE_DAYS : dueDays.getValue(), sort.getValue());
    }

    /** Shows a saved filter's values without a change event per field. */
    void show(InboxFilter filter) {
        quietly(() -> {
            search.setValue(filter.search() == null ? "" : filter.search());
            process.setValue(filter.processKey() != null && process.getListDataView().contains(filter.processKey())
                    ? filter.processKey() : "");
            state.setValue(filter.state());
            if (filter.assignee() == null) {
                assignee.clear();
            } else {
                List<Colleague> holders = new ArrayList<>(inbox.assignees(user));
                Colleague chosen = holders.stream().filter(c -> c.username().equals(filter.assignee())).findFirst()
                        .orElseGet(() -> {
                            Colleague absent = new Colleague(filter.assignee(), filter.assignee());
                            holders.add(absent);
                            return absent;
                        });
                assignee.setItems(holders);
                assignee.setValue(chosen);
            }
            due.setValue(filter.dueWindow());
            dueDays.setValue(filter.dueWindow() == DueWindow.WORKING_DAYS || filter.dueDays() > 0
                    ? Math.max(1, filter.dueDays()) : InboxFilter.DEFAULT_DUE_DAYS);
            sort.setValue(filter.sort());
        });
    }

    void addChangeListener(Runnable listener) {
        listeners.add(listener);
    }

    private void changed() {
        dueDays.setVisible(due.getValue() == DueWindow.WORKING_DAYS);
        if (!quiet) {
            listeners.forEach(Runnable::run);
        }
    }

    private void quietly(Runnable change) {
        quiet = true;
        try {
            change.run();
        } finally {
            quiet = false;
        }
    }
}
