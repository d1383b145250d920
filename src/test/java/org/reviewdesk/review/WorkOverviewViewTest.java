package org.reviewdesk.review;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;

/** The dashboard as reviewers and supervisors see it, over the real projection and history. */
class WorkOverviewViewTest extends KaribuTestSupport {

    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired Inbox inbox;

    InboxFixtures fixtures;

    @BeforeEach
    void process() {
        fixtures = new InboxFixtures(repository, runtime, tasks);
    }

    private static String tile(String id) {
        return _get(_get(Div.class, spec -> spec.withId(id)), Span.class, spec -> spec.withClasses("tile-number")).getText();
    }

    @Test
    void aReviewerSeesTheirOwnOpenAndDecidedWorkButNoTeam() {
        String me = "dash-view-" + Math.abs(InboxFixtures.marker().hashCode());
        OffsetDateTime now = OffsetDateTime.now();
        Task open = fixtures.start(InboxFixtures.marker(), "reviewers", now.minusDays(1), 50, now);
        tasks.setAssignee(open.getId(), me);
        Task done = fixtures.start(InboxFixtures.marker(), "reviewers", now.plusDays(2), 50, now);
        tasks.claim(done.getId(), me);
        tasks.complete(done.getId());

        signInAs(me, Role.REVIEWER);
        UI.getCurrent().navigate(WorkOverviewView.class);

        assertThat(tile("tile-mine")).isEqualTo("1");
        // overdue also counts the unclaimed overdue tasks of the reviewers' group, which other tests share
        assertThat(tile("tile-overdue")).isEqualTo(String.valueOf(
                inbox.count(InboxQuery.firstPage(InboxTab.OVERDUE), new CurrentUser(me, Set.of(Role.REVIEWER)))));
        assertThat(tile("tile-decided-today")).isEqualTo("1");
        assertThat(tile("tile-decided-week")).isEqualTo("1");
        assertThat(_find(Grid.class)).as("the team is for supervisors").isEmpty();
        assertThat(_find(Div.class, spec -> spec.withId("tile-team-today"))).isEmpty();
        runtime.deleteProcessInstance(open.getProcessInstanceId(), "test over");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSupervisorSeesEachPersonByNameWithOpenOverdueAndDecidedWork() {
        OffsetDateTime now = OffsetDateTime.now();
        List<Task> started = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Task task = fixtures.start(InboxFixtures.marker(), "reviewers", now.minusDays(1), 50, now);
            tasks.setAssignee(task.getId(), "reviewer2");
            started.add(task);
        }

        signInAs("supervisor", Role.SUPERVISOR, Role.REVIEWER);
        UI.getCurrent().navigate(WorkOverviewView.class);

        Grid<WorkOverview.PersonCounts> people = _get(Grid.class, spec -> spec.withId("person-counts"));
        List<WorkOverview.PersonCounts> rows = new ArrayList<>();
        for (int row = 0; row < _size(people); row++) {
            rows.add(_get(people, row));
        }
        assertThat(rows).extracting(WorkOverview.PersonCounts::displayName).contains("审核员 王芳", "审核员 李强", "审核主管 陈静");
        WorkOverview.PersonCounts reviewer2 = rows.stream().filter(p -> p.username().equals("reviewer2")).findFirst().orElseThrow();
        assertThat(reviewer2.open()).isGreaterThanOrEqualTo(2);
        assertThat(reviewer2.overdue()).isGreaterThanOrEqualTo(2);
        assertThat(_find(Grid.class, spec -> spec.withId("group-counts"))).hasSize(1);
        assertThat(Long.parseLong(tile("tile-team-week"))).isGreaterThanOrEqualTo(Long.parseLong(tile("tile-team-today")));
        started.forEach(t -> runtime.deleteProcessInstance(t.getProcessInstanceId(), "test over"));
    }

    /** The team's decided tiles are what the outcome table adds up to, also when a step finished without an outcome. */
    @Test
    @SuppressWarnings("unchecked")
    void theOutcomesAddUpToTheDecidedTilesWhenAStepFinishesWithoutAnOutcome() {
        OffsetDateTime now = OffsetDateTime.now();
        Task done = fixtures.start(InboxFixtures.marker(), "reviewers", now.plusDays(2), 50, now);
        tasks.claim(done.getId(), "reviewer2");
        tasks.complete(done.getId());

        signInAs("supervisor", Role.SUPERVISOR, Role.REVIEWER);
        UI.getCurrent().navigate(WorkOverviewView.class);

        Grid<Object> outcomes = _get(Grid.class, spec -> spec.withId("team-outcomes"));
        assertThat(finished(outcomes, 0)).as("today").isEqualTo(Long.parseLong(tile("tile-team-today")));
        assertThat(finished(outcomes, 1)).as("this week").isEqualTo(Long.parseLong(tile("tile-team-week")));
    }

    /** Approvals, rejections and other finished steps in a row of the outcome table. */
    private static long finished(Grid<Object> outcomes, int row) {
        long sum = 0;
        for (String key : List.of("approved", "rejected", "otherSteps")) {
            Grid.Column<Object> column = outcomes.getColumnByKey(key);
            assertThat(column).as("column %s", key).isNotNull();
            sum += Long.parseLong(com.github.mvysny.kaributesting.v10.GridKt._getFormatted(outcomes, row, key));
        }
        return sum;
    }
}
