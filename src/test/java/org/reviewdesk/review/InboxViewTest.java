package org.reviewdesk.review;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.registration.ReviewFixture;
import org.springframework.beans.factory.annotation.Autowired;

/** The task inbox over the real projection: what a reviewer finds, counts and claims. */
class InboxViewTest extends KaribuTestSupport {

    @Autowired Inbox inbox;

    @SuppressWarnings("unchecked")
    private static Grid<ReviewTask> grid() {
        return _get(Grid.class, spec -> spec.withId("inbox-grid"));
    }

    private static void showTab(InboxTab tab) {
        _get(Tabs.class, spec -> spec.withId("inbox-tabs")).setSelectedTab(_get(Tab.class, spec -> spec.withId("tab-" + tab.name())));
    }

    private static long shownCount(InboxTab tab) {
        Tab item = _get(Tab.class, spec -> spec.withId("tab-" + tab.name()));
        return Long.parseLong(_get(item, Span.class, spec -> spec.withClasses("inbox-tab-count")).getText());
    }

    private static void search(String text) {
        _setValue(_get(TextField.class, spec -> spec.withId("inbox-search")), text);
    }

    @Test
    void listsASubmittedApplicationsReviewTaskOnceItsChecksRan() {
        signInAs("inbox-lister", Role.REVIEWER);
        String number = ReviewFixture.inReview(context, "贵阳示例科技有限公司");
        UI.getCurrent().navigate(InboxView.class);

        showTab(InboxTab.UNCLAIMED);
        search(number);

        assertThat(_size(grid())).isEqualTo(1);
        ReviewTask task = _get(grid(), 0);
        assertThat(task.caseRef()).isEqualTo(number);
        assertThat(task.title()).isEqualTo("贵阳示例科技有限公司");
        assertThat(task.assignee()).isNull();
    }

    @Test
    void theStepColumnNamesTheStepInTheReadersLanguage() {
        signInAs("inbox-reader", Role.REVIEWER);
        String number = ReviewFixture.inReview(context, "西宁示例科技有限公司");
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        UI.getCurrent().navigate(InboxView.class);

        showTab(InboxTab.UNCLAIMED);
        search(number);

        Component cell = _getCellComponent(grid(), 0, "process");
        assertThat(_get(cell, Span.class, spec -> spec.withClasses("inbox-step")).getText()).isEqualTo("Review");
    }

    @Test
    void theTabsShowTheCountsOfTheInbox() {
        signInAs("inbox-counter", Role.REVIEWER);
        CurrentUser me = new CurrentUser("inbox-counter", Set.of(Role.REVIEWER));
        ReviewFixture.inReview(context, "昆明示例有限公司");
        UI.getCurrent().navigate(InboxView.class);

        var counts = inbox.tabCounts(me);
        assertThat(shownCount(InboxTab.MINE)).isEqualTo(counts.get(InboxTab.MINE)).isZero();
        assertThat(shownCount(InboxTab.UNCLAIMED)).isEqualTo(counts.get(InboxTab.UNCLAIMED)).isPositive();
        assertThat(_find(Tab.class, spec -> spec.withId("tab-ALL"))).as("ALL is for supervisors").isEmpty();
    }

    @Test
    void claimingFromTheGridMovesTheTaskToMine() {
        signInAs("inbox-claimer", Role.REVIEWER);
        String number = ReviewFixture.inReview(context, "南宁示例有限公司");
        UI.getCurrent().navigate(InboxView.class);
        showTab(InboxTab.UNCLAIMED);
        search(number);

        Component actions = _getCellComponent(grid(), 0, "actions");
        _click(_get(actions, Button.class, spec -> spec.withClasses("inbox-claim")));

        assertThat(_size(grid())).as("gone from the unclaimed tab").isZero();
        assertThat(shownCount(InboxTab.MINE)).isEqualTo(1);
        showTab(InboxTab.MINE);
        assertThat(_get(grid(), 0).assignee()).isEqualTo("inbox-claimer");
    }

    @Test
    void selectedRowsAreClaimedTogether() {
        signInAs("inbox-bulk", Role.REVIEWER);
        String first = ReviewFixture.inReview(context, "福州示例批量一有限公司");
        String second = ReviewFixture.inReview(context, "福州示例批量二有限公司");
        UI.getCurrent().navigate(InboxView.class);
        showTab(InboxTab.UNCLAIMED);
        search("福州示例批量");

        assertThat(_size(grid())).isEqualTo(2);
        grid().asMultiSelect().select(_get(grid(), 0), _get(grid(), 1));
        _click(_get(Button.class, spec -> spec.withId("inbox-bulk-claim")));

        showTab(InboxTab.MINE);
        search("");
        assertThat(_size(grid())).isEqualTo(2);
        assertThat(Set.of(_get(grid(), 0).caseRef(), _get(grid(), 1).caseRef())).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void searchFindsATaskByItsNumber() {
        signInAs("inbox-searcher", Role.REVIEWER);
        String number = ReviewFixture.inReview(context, "拉萨示例有限公司");
        ReviewFixture.inReview(context, "拉萨示例另一有限公司");
        UI.getCurrent().navigate(InboxView.class);
        showTab(InboxTab.UNCLAIMED);

        search(number.toLowerCase(java.util.Locale.ROOT));

        assertThat(_size(grid())).isEqualTo(1);
        assertThat(_get(grid(), 0).caseRef()).isEqualTo(number);
    }

    @Test
    void anAdministratorCannotOpenTheInbox() {
        signInAs("inbox-admin", Role.ADMIN);
        try {
            UI.getCurrent().navigate(InboxView.class);
        } catch (RuntimeException | AssertionError refused) {
            // Karibu reports the router's refusal as an exception
        }
        assertThat(currentView()).isNotInstanceOf(InboxView.class);
    }

    @Test
    void aReviewerWithNothingClaimedStartsOnTheUnclaimedTabWithItsTasksListed() {
        signInAs("inbox-starter", Role.REVIEWER);
        String number = ReviewFixture.inReview(context, "拉萨示例有限公司");
        UI.getCurrent().navigate(InboxView.class);

        assertThat(_get(Tabs.class, spec -> spec.withId("inbox-tabs")).getSelectedTab().getId()).hasValue("tab-UNCLAIMED");
        search(number);
        assertThat(_size(grid())).isEqualTo(1);
        assertThat(_get(grid(), 0).caseRef()).isEqualTo(number);
    }
}
