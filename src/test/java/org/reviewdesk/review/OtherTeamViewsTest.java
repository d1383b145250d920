package org.reviewdesk.review;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;

/** The same inbox, review view, comments and dashboard serve the second, test-only process of another team. */
class OtherTeamViewsTest extends KaribuTestSupport {

    @Autowired Inbox inbox;
    @Autowired OtherTeamProcess.Cases cases;

    @SuppressWarnings("unchecked")
    private static Grid<ReviewTask> grid() {
        return _get(Grid.class, spec -> spec.withId("inbox-grid"));
    }

    private static void showUnclaimedAndSearch(String text) {
        _get(Tabs.class, spec -> spec.withId("inbox-tabs")).setSelectedTab(_get(Tab.class, spec -> spec.withId("tab-UNCLAIMED")));
        _setValue(_get(TextField.class, spec -> spec.withId("inbox-search")), text);
    }

    @Test
    void aHotlineAgentFindsClaimsAndDecidesItsTaskInTheSharedWorkbench() {
        String number = cases.start("话务工单 界面办理");
        signInAs("agent-ui", Role.HOTLINE_AGENT);
        UI.getCurrent().navigate(InboxView.class);
        showUnclaimedAndSearch(number);
        assertThat(_size(grid())).isEqualTo(1);
        assertThat(_find(Tab.class, spec -> spec.withId("tab-ALL"))).as("they supervise this process").hasSize(1);
        String taskId = _get(grid(), 0).taskId();

        UI.getCurrent().navigate(ReviewView.class, new RouteParameters(ReviewView.TASK_ID, taskId));
        _click(_get(Button.class, spec -> spec.withId("review-claim")));
        _setValue(_get(TextArea.class, spec -> spec.withId("review-comment-text")), "已回访企业");
        _click(_get(Button.class, spec -> spec.withId("review-comment-add")));
        assertThat(_get(Div.class, spec -> spec.withId("review-comments")).getElement().getTextRecursively()).contains("已回访企业");
        _click(_get(Button.class, spec -> spec.withId("other-team-decide")));

        assertThat(currentView()).isInstanceOf(InboxView.class);
        assertThat(inbox.page(InboxQuery.firstPage(InboxTab.MINE), new CurrentUser("agent-ui", Set.of(Role.HOTLINE_AGENT))))
                .extracting(ReviewTask::caseRef).doesNotContain(number);
    }

    @Test
    void aReviewerNeitherListsNorOpensIt() {
        String number = cases.start("话务工单 审核员不可见");
        String taskId = inbox.page(new InboxQuery(InboxTab.UNCLAIMED, null, number, null, InboxQuery.Sort.DUE, 0, 10),
                new CurrentUser("agent-ui2", Set.of(Role.HOTLINE_AGENT))).get(0).taskId();
        signInAs("reviewer-ui", Role.REVIEWER);
        UI.getCurrent().navigate(InboxView.class);
        showUnclaimedAndSearch(number);
        assertThat(_size(grid())).isZero();
        assertThat(_find(Tab.class, spec -> spec.withId("tab-ALL"))).isEmpty();

        UI.getCurrent().navigate(ReviewView.class, new RouteParameters(ReviewView.TASK_ID, taskId));

        assertThat(_find(Div.class, spec -> spec.withId("review-not-found"))).hasSize(1);
        assertThat(_find(Div.class, spec -> spec.withId("other-team-workbench"))).isEmpty();
    }

    @Test
    void theDashboardShowsAHotlineAgentTheirProcessesTeam() {
        signInAs("agent-ui3", Role.HOTLINE_AGENT);
        UI.getCurrent().navigate(WorkOverviewView.class);

        assertThat(_find(Grid.class, spec -> spec.withId("group-counts"))).hasSize(1);
    }
}
