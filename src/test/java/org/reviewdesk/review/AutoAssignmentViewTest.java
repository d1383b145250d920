package org.reviewdesk.review;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Work distribution and the outcome counts as supervisors and reviewers see them: the switches on the
 * work overview, the presence box in the inbox, the reason under the assignee, the outcome table and
 * the review groups only.
 */
class AutoAssignmentViewTest extends KaribuTestSupport {

    @Autowired AutoAssignment assignment;
    @Autowired JdbcClient jdbc;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;

    @AfterEach
    void cleared() {
        jdbc.sql("delete from review_auto_assign").update();
        jdbc.sql("delete from review_presence").update();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSupervisorSwitchesAutomaticAssignmentOnTheOverviewAndSeesOnlyTheReviewGroups() {
        signInAs("supervisor", Role.SUPERVISOR, Role.REVIEWER);
        UI.getCurrent().navigate(WorkOverviewView.class);

        Grid<AutoAssignment.Setting> settings = _get(Grid.class, spec -> spec.withId("auto-assign-grid"));
        int row = 0;
        while (!(_get(settings, row).processKey().equals("registration") && _get(settings, row).group() == Role.REVIEWER)) {
            row++;
        }
        Checkbox registrationReviewers = (Checkbox) _getCellComponent(settings, row, "on");
        assertThat(registrationReviewers.getValue()).as("off by default").isFalse();
        _setValue(registrationReviewers, true);

        CurrentUser supervisor = new CurrentUser("supervisor", Set.of(Role.SUPERVISOR, Role.REVIEWER));
        assertThat(assignment.settings(supervisor)).filteredOn(s -> s.processKey().equals("registration")
                && s.group() == Role.REVIEWER).singleElement().satisfies(s -> {
                    assertThat(s.on()).isTrue();
                    assertThat(s.changedBy()).isEqualTo("supervisor");
                });

        Grid<WorkOverview.GroupCounts> groups = _get(Grid.class, spec -> spec.withId("group-counts"));
        List<Role> shown = new ArrayList<>();
        for (int i = 0; i < _size(groups); i++) {
            shown.add(_get(groups, i).group());
        }
        assertThat(shown).contains(Role.REVIEWER).doesNotContain(Role.HOTLINE_AGENT, Role.HANDLER);
        assertThat(_size(_get(Grid.class, spec -> spec.withId("team-outcomes")))).as("today and this week").isEqualTo(2);
    }

    @Test
    void aReviewerHasNoSwitchesButSaysInTheInboxThatTheyArePresent() {
        signInAs("reviewer2", Role.REVIEWER);
        UI.getCurrent().navigate(WorkOverviewView.class);
        assertThat(_find(Div.class, spec -> spec.withId("auto-assign-settings"))).isEmpty();

        UI.getCurrent().navigate(InboxView.class);
        Checkbox present = _get(Checkbox.class, spec -> spec.withId("inbox-presence"));
        assertThat(present.getValue()).isFalse();
        _setValue(present, true);

        assertThat(assignment.isPresent(new CurrentUser("reviewer2", Set.of(Role.REVIEWER)))).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAutomaticallyAssignedTaskSaysSoUnderItsAssigneeInTheInbox() {
        CurrentUser supervisor = new CurrentUser("supervisor", Set.of(Role.SUPERVISOR, Role.REVIEWER));
        assignment.switchTo(InboxFixtures.PROCESS_KEY, Role.REVIEWER, true, supervisor);
        assignment.setPresent(true, new CurrentUser("reviewer2", Set.of(Role.REVIEWER)));
        Task task = new InboxFixtures(repository, runtime, tasks).start(InboxFixtures.marker(), "reviewers",
                OffsetDateTime.now().plusDays(3), 50, OffsetDateTime.now());
        String caseRef = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
                .getBusinessKey();
        try {
            signInAs("reviewer2", Role.REVIEWER);
            UI.getCurrent().navigate(InboxView.class);
            _get(Tabs.class, spec -> spec.withId("inbox-tabs")).setSelectedTab(_get(Tab.class, spec -> spec.withId("tab-MINE")));
            _setValue(_get(TextField.class, spec -> spec.withId("inbox-search")), caseRef);

            Grid<ReviewTask> grid = _get(Grid.class, spec -> spec.withId("inbox-grid"));
            assertThat(_size(grid)).isOne();
            Component cell = _getCellComponent(grid, 0, "assignee");
            assertThat(cell.getElement().getTextRecursively()).contains("我", "自动分配");
        } finally {
            runtime.deleteProcessInstance(task.getProcessInstanceId(), "test over");
        }
    }
}
