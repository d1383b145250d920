package org.reviewdesk.review;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;

/** The inbox's filter bar and saved filters as a reviewer and a supervisor use them, over the real services. */
class InboxFilterViewTest extends KaribuTestSupport {

    @Autowired Inbox inbox;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;

    InboxFixtures fixtures;
    String marker;
    OffsetDateTime now = OffsetDateTime.now();

    @BeforeEach
    void process() {
        fixtures = new InboxFixtures(repository, runtime, tasks);
        marker = InboxFixtures.marker();
    }

    // ---- the filter bar ---------------------------------------------------------------------------

    /** Issue 14: the saved-filter box says what it is, in English too, before and after there is a filter in it. */
    @Test
    void theSavedFilterBoxSaysWhatItHolds() {
        signInAs("saved-box-" + Math.abs(marker.hashCode()), Role.REVIEWER);
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        UI.getCurrent().navigate(InboxView.class);
        // colleagues may have shared filters with the reviewers already: either text says what the box holds
        Select<SavedFilter> saved = select("saved-filters");
        assertThat(saved.getEmptySelectionCaption()).containsIgnoringCase("saved filters");
        assertThat(saved.getItemLabelGenerator().apply(null)).as("what the box shows with nothing chosen")
                .isEqualTo(saved.getEmptySelectionCaption());
    }

    @Test
    void aSupervisorFiltersAllTasksByStateAndAssignee() {
        Task open = fixtures.start(marker, "reviewers", now.plusDays(3), 50, now);
        Task held = fixtures.start(marker, "reviewers", now.plusDays(3), 50, now);
        inbox.claim(held.getId(), InboxServiceTest.REVIEWER2);
        signInAs("supervisor", Role.SUPERVISOR, Role.REVIEWER);
        UI.getCurrent().navigate(InboxView.class);
        showTab(InboxTab.ALL);
        search(marker);
        assertThat(shownIds()).containsExactlyInAnyOrder(open.getId(), held.getId());

        _setValue(select("inbox-state"), InboxQuery.ClaimState.UNCLAIMED);
        assertThat(shownIds()).containsExactly(open.getId());
        _setValue(select("inbox-state"), InboxQuery.ClaimState.ANY);

        ComboBox<Colleague> assignee = assigneeBox();
        assertThat(assignee.isVisible()).isTrue();
        Colleague reviewer2 = assignee.getListDataView().getItems().filter(c -> c.username().equals("reviewer2")).findFirst().orElseThrow();
        assertThat(reviewer2.label()).as("shown by name").contains("reviewer2");
        _setValue(assignee, reviewer2);
        assertThat(shownIds()).containsExactly(held.getId());
        // issue 14: the colleague holding it is named as people know them (the username on hover)
        Component holder = com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(grid(), 0, "assignee");
        assertThat(holder.getElement().getTextRecursively()).isEqualTo("审核员 李强");
    }

    @Test
    void theDueWindowShowsOverdueAndTasksDueWithinWorkingDays() {
        Task late = fixtures.start(marker, "reviewers", now.minusDays(1), 50, now);
        Task far = fixtures.start(marker, "reviewers", now.plusDays(40), 50, now);
        signInAs("inbox-due", Role.REVIEWER);
        UI.getCurrent().navigate(InboxView.class);
        showTab(InboxTab.UNCLAIMED);
        search(marker);
        assertThat(_find(ComboBox.class, spec -> spec.withId("inbox-assignee")).stream().filter(c -> c.isVisible()))
                .as("no assignee filter for reviewers").isEmpty();

        _setValue(select("inbox-due"), DueWindow.OVERDUE);
        assertThat(shownIds()).containsExactly(late.getId());

        _setValue(select("inbox-due"), DueWindow.WORKING_DAYS);
        IntegerField days = _get(IntegerField.class, spec -> spec.withId("inbox-due-days"));
        assertThat(days.isVisible()).isTrue();
        _setValue(days, 5);
        assertThat(shownIds()).as("neither the overdue nor the one due in 40 days").isEmpty();
        _setValue(select("inbox-due"), DueWindow.ANY);
        assertThat(shownIds()).containsExactly(late.getId(), far.getId());
    }

    // ---- saved filters ----------------------------------------------------------------------------

    @Test
    void aSavedFilterBringsBackTabFiltersSearchAndOrder() {
        Task late = fixtures.start(marker, "reviewers", now.minusDays(1), 50, now);
        fixtures.start(marker, "reviewers", now.plusDays(3), 50, now);
        signInAs("filter-saver", Role.REVIEWER);
        UI.getCurrent().navigate(InboxView.class);
        showTab(InboxTab.UNCLAIMED);
        search(marker);
        _setValue(select("inbox-due"), DueWindow.OVERDUE);
        _setValue(select("inbox-sort"), InboxQuery.Sort.PRIORITY);

        saveAs("超期待领取 " + marker, "");

        showTab(InboxTab.MINE);
        search("");
        _setValue(select("inbox-due"), DueWindow.ANY);
        SavedFilter saved = savedFilters().getListDataView().getItems()
                .filter(f -> f.name().equals("超期待领取 " + marker)).findFirst().orElseThrow();
        _setValue(savedFilters(), saved);

        assertThat(((InboxView) currentView()).tab()).isEqualTo(InboxTab.UNCLAIMED);
        assertThat(_get(TextField.class, spec -> spec.withId("inbox-search")).getValue()).isEqualTo(marker);
        assertThat(select("inbox-due").getValue()).isEqualTo(DueWindow.OVERDUE);
        assertThat(select("inbox-sort").getValue()).isEqualTo(InboxQuery.Sort.PRIORITY);
        assertThat(shownIds()).containsExactly(late.getId());
    }

    @Test
    void aDuplicateNameIsRefusedAtTheNameField() {
        signInAs("filter-twice", Role.REVIEWER);
        UI.getCurrent().navigate(InboxView.class);
        saveAs("我的 " + marker, "");

        _click(_get(Button.class, spec -> spec.withId("save-filter")));
        _setValue(_get(TextField.class, spec -> spec.withId("filter-name")), "我的 " + marker);
        _click(_get(Button.class, spec -> spec.withId("filter-save-confirm")));

        TextField name = _get(TextField.class, spec -> spec.withId("filter-name"));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).contains("我的 " + marker);
        assertThat(savedFilters().getListDataView().getItems().filter(f -> f.name().equals("我的 " + marker))).hasSize(1);
    }

    @Test
    void aFilterSharedWithMyGroupIsOfferedToColleaguesWhoCannotChangeIt() {
        signInAs("filter-sharer", Role.REVIEWER);
        UI.getCurrent().navigate(InboxView.class);
        search(marker);
        saveAs("组内共享 " + marker, "");
        SavedFilter mine = savedFilters().getValue();
        assertThat(mine).as("the saved filter is shown as chosen").isNotNull();
        assertThat(_get(Button.class, spec -> spec.withId("share-filter")).isEnabled()).isTrue();
        _click(_get(Button.class, spec -> spec.withId("share-filter")));
        Select<String> groups = select("filter-group");
        assertThat(groups.getListDataView().getItems().toList()).as("only my own groups").containsExactly("", "reviewers");
        _setValue(groups, "reviewers");
        _click(_get(Button.class, spec -> spec.withId("filter-share-confirm")));

        signInAs("filter-colleague", Role.REVIEWER);
        UI.getCurrent().navigate(WorkOverviewView.class);
        UI.getCurrent().navigate(InboxView.class);
        SavedFilter shared = savedFilters().getListDataView().getItems().filter(f -> f.id() == mine.id()).findFirst().orElseThrow();
        _setValue(savedFilters(), shared);
        assertThat(_get(TextField.class, spec -> spec.withId("inbox-search")).getValue()).isEqualTo(marker);
        assertThat(_get(Button.class, spec -> spec.withId("share-filter")).isEnabled()).isFalse();
        assertThat(_get(Button.class, spec -> spec.withId("delete-filter")).isEnabled()).isFalse();
    }

    @Test
    void deletingMyFilterRemovesItFromTheList() {
        signInAs("filter-deleter", Role.REVIEWER);
        UI.getCurrent().navigate(InboxView.class);
        saveAs("要删除 " + marker, "reviewers");

        _click(_get(Button.class, spec -> spec.withId("delete-filter")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("delete-filter-dialog")));

        assertThat(savedFilters().getListDataView().getItems().filter(f -> f.name().equals("要删除 " + marker))).isEmpty();
        assertThat(savedFilters().getValue()).isNull();
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private void saveAs(String name, String group) {
        _click(_get(Button.class, spec -> spec.withId("save-filter")));
        _setValue(_get(TextField.class, spec -> spec.withId("filter-name")), name);
        _setValue(select("filter-group"), group);
        _click(_get(Button.class, spec -> spec.withId("filter-save-confirm")));
    }

    @SuppressWarnings("unchecked")
    private static <T> Select<T> select(String id) {
        return _get(Select.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static Select<SavedFilter> savedFilters() {
        return _get(Select.class, spec -> spec.withId("saved-filters"));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<Colleague> assigneeBox() {
        return _get(ComboBox.class, spec -> spec.withId("inbox-assignee"));
    }

    @SuppressWarnings("unchecked")
    static Grid<ReviewTask> grid() {
        return _get(Grid.class, spec -> spec.withId("inbox-grid"));
    }

    static List<String> shownIds() {
        Grid<ReviewTask> grid = grid();
        return java.util.stream.IntStream.range(0, _size(grid)).mapToObj(i -> _get(grid, i).taskId()).toList();
    }

    static void showTab(InboxTab tab) {
        _get(Tabs.class, spec -> spec.withId("inbox-tabs")).setSelectedTab(_get(Tab.class, spec -> spec.withId("tab-" + tab.name())));
    }

    static void search(String text) {
        _setValue(_get(TextField.class, spec -> spec.withId("inbox-search")), text);
    }
}
