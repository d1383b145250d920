package org.reviewdesk.review;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.reviewdesk.review.InboxFilterViewTest.search;
import static org.reviewdesk.review.InboxFilterViewTest.showTab;
import static org.reviewdesk.review.InboxFilterViewTest.shownIds;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.Tab;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.platform.Role;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * New tasks reach an open inbox without a reload: the poller sees the shared projection's marker
 * change and refreshes the attached views; a closed view is no longer held. The test calls the
 * poller itself (its schedule is an hour in tests).
 */
class InboxPushTest extends KaribuTestSupport {

    @Autowired InboxPush push;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;

    @Test
    void aTaskCreatedAfterTheInboxOpenedAppearsAfterThePollerRuns() {
        InboxFixtures fixtures = new InboxFixtures(repository, runtime, tasks);
        String marker = InboxFixtures.marker();
        signInAs("push-watcher", Role.REVIEWER);
        UI.getCurrent().navigate(InboxView.class);
        showTab(InboxTab.UNCLAIMED);
        search(marker);
        push.poll();
        MockVaadin.clientRoundtrip();
        assertThat(shownIds()).isEmpty();

        long before = shownCount(InboxTab.UNCLAIMED);

        Task created = fixtures.start(marker, "reviewers", OffsetDateTime.now().plusDays(3), 50, OffsetDateTime.now());
        MockVaadin.clientRoundtrip();
        assertThat(shownCount(InboxTab.UNCLAIMED)).as("nothing refreshed yet").isEqualTo(before);

        push.poll();
        MockVaadin.clientRoundtrip();
        assertThat(shownCount(InboxTab.UNCLAIMED)).isEqualTo(before + 1);
        assertThat(shownIds()).containsExactly(created.getId());
    }

    @Test
    void aClosedInboxIsDroppedFromTheRegistry() {
        signInAs("push-leaver", Role.REVIEWER);
        UI.getCurrent().navigate(InboxView.class);
        InboxView inbox = shownInbox();
        assertThat(push.isRegistered(inbox)).isTrue();

        UI.getCurrent().navigate(WorkOverviewView.class);

        assertThat(push.isRegistered(inbox)).isFalse();
    }

    /**
     * The inbox instance in the component tree. Spring proxies the view (its {@code @RolesAllowed}
     * makes it a method-security bean), and the proxy hands every call, attach and detach included,
     * to its target: the target is what is attached and registered.
     */
    private static InboxView shownInbox() {
        Object view = currentView();
        Object target = AopProxyUtils.getSingletonTarget(view);
        return (InboxView) (target == null ? view : target);
    }

    private static long shownCount(InboxTab tab) {
        Tab item = _get(Tab.class, spec -> spec.withId("tab-" + tab.name()));
        return Long.parseLong(_get(item, Span.class, spec -> spec.withClasses("inbox-tab-count")).getText());
    }
}
