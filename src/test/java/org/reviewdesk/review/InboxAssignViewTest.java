package org.reviewdesk.review;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.reviewdesk.review.InboxFilterViewTest.grid;
import static org.reviewdesk.review.InboxFilterViewTest.search;
import static org.reviewdesk.review.InboxFilterViewTest.showTab;
import static org.reviewdesk.review.InboxFilterViewTest.shownIds;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
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

/**
 * Assignment in the inbox: a supervisor gives one task or a selection to a colleague of the tasks'
 * groups; a task someone else handled meanwhile is reported with who and when, the others go
 * through. Bulk claim reports the same way.
 */
class InboxAssignViewTest extends KaribuTestSupport {

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

    @Test
    void aSupervisorReassignsATaskToAColleagueOfItsGroup() {
        Task task = fixtures.start(marker, "reviewers", now.plusDays(3), 50, now);
        inbox.claim(task.getId(), InboxServiceTest.REVIEWER);
        openAllAsSupervisor();

        Component actions = _getCellComponent(grid(), 0, "actions");
        _click(_get(actions, Button.class, spec -> spec.withClasses("inbox-assign")));

        ComboBox<Colleague> to = assignTo();
        List<String> offered = to.getListDataView().getItems().map(Colleague::username).toList();
        assertThat(offered).contains("reviewer", "reviewer2", "supervisor").doesNotContain("hotline", "admin");
        choose(to, "reviewer2");
        _click(_get(Button.class, spec -> spec.withId("assign-confirm")));

        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("reviewer2");
        assertThat(_get(grid(), 0).assignee()).isEqualTo("reviewer2");
        assertThat(_find(Dialog.class, spec -> spec.withId("inbox-bulk-results"))).as("no failure to report").isEmpty();
    }

    @Test
    void bulkAssignGoesThroughForTheOthersAndSaysWhoHandledTheOneThatWentMeanwhile() {
        Task first = fixtures.start(marker, "reviewers", now.plusDays(1), 50, now);
        Task second = fixtures.start(marker, "reviewers", now.plusDays(2), 50, now);
        openAllAsSupervisor();
        grid().asMultiSelect().select(_get(grid(), 0), _get(grid(), 1));
        _click(_get(Button.class, spec -> spec.withId("inbox-bulk-assign")));
        choose(assignTo(), "reviewer2");

        // while the dialog is open, reviewer completes the first task
        inbox.claim(first.getId(), InboxServiceTest.REVIEWER);
        tasks.complete(first.getId());
        _click(_get(Button.class, spec -> spec.withId("assign-confirm")));

        assertThat(tasks.createTaskQuery().taskId(second.getId()).singleResult().getAssignee()).isEqualTo("reviewer2");
        Dialog results = _get(Dialog.class, spec -> spec.withId("inbox-bulk-results"));
        List<Div> rows = _find(results, Div.class, spec -> spec.withClasses("bulk-result"));
        assertThat(rows).hasSize(2);
        Div refused = _get(results, Div.class, spec -> spec.withClasses("bulk-result--refused"));
        String reason = _get(refused, Span.class, spec -> spec.withClasses("bulk-result__text")).getText();
        assertThat(reason).contains("reviewer").containsPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d");
        assertThat(_get(refused, Span.class, spec -> spec.withClasses("bulk-result__ref")).getText())
                .isEqualTo(caseRefOf(first));
        assertThat(shownIds()).containsExactly(second.getId());
    }

    @Test
    void bulkClaimReportsATaskAColleagueClaimedFirst() {
        Task first = fixtures.start(marker, "reviewers", now.plusDays(1), 50, now);
        Task second = fixtures.start(marker, "reviewers", now.plusDays(2), 50, now);
        signInAs("bulk-claimer", Role.REVIEWER);
        UI.getCurrent().navigate(InboxView.class);
        showTab(InboxTab.UNCLAIMED);
        search(marker);
        grid().asMultiSelect().select(_get(grid(), 0), _get(grid(), 1));

        inbox.claim(second.getId(), InboxServiceTest.REVIEWER2);
        _click(_get(Button.class, spec -> spec.withId("inbox-bulk-claim")));

        assertThat(tasks.createTaskQuery().taskId(first.getId()).singleResult().getAssignee()).isEqualTo("bulk-claimer");
        Dialog results = _get(Dialog.class, spec -> spec.withId("inbox-bulk-results"));
        Div refused = _get(results, Div.class, spec -> spec.withClasses("bulk-result--refused"));
        assertThat(_get(refused, Span.class, spec -> spec.withClasses("bulk-result__text")).getText()).contains("reviewer2");
        _click(_get(results, Button.class, spec -> spec.withId("bulk-results-close")));
        assertThat(_find(Dialog.class, spec -> spec.withId("inbox-bulk-results"))).isEmpty();
    }

    @Test
    void reviewersAreNotOfferedAssignment() {
        fixtures.start(marker, "reviewers", now.plusDays(1), 50, now);
        signInAs("no-assigner", Role.REVIEWER);
        UI.getCurrent().navigate(InboxView.class);
        showTab(InboxTab.UNCLAIMED);
        search(marker);

        assertThat(_find(Button.class, spec -> spec.withId("inbox-bulk-assign"))).as("hidden").isEmpty();
        assertThat(_find(_getCellComponent(grid(), 0, "actions"), Button.class, spec -> spec.withClasses("inbox-assign"))).isEmpty();
    }

    private void openAllAsSupervisor() {
        signInAs("supervisor", Role.SUPERVISOR, Role.REVIEWER);
        UI.getCurrent().navigate(InboxView.class);
        showTab(InboxTab.ALL);
        search(marker);
    }

    /** The case number of a task whose row is gone (its process waits for the applicant now). */
    private String caseRefOf(Task task) {
        return runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey();
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<Colleague> assignTo() {
        return _get(ComboBox.class, spec -> spec.withId("assign-to"));
    }

    private static void choose(ComboBox<Colleague> box, String username) {
        _setValue(box, box.getListDataView().getItems().filter(c -> c.username().equals(username)).findFirst().orElseThrow());
    }
}
