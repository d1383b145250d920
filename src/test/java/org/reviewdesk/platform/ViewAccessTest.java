package org.reviewdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.hotline.HotlineHomeView;
import org.reviewdesk.operations.OperationsView;
import org.reviewdesk.review.DecisionReasonsView;
import org.reviewdesk.review.InboxView;
import org.reviewdesk.review.WorkOverviewView;
import org.reviewdesk.rules.CalendarAdminView;
import org.reviewdesk.staff.AdminHomeView;
import org.reviewdesk.staff.HandlingUnitsView;
import org.reviewdesk.staff.UserAdminView;
import org.reviewdesk.window.WindowView;
import org.reviewdesk.accounts.AccountImportView;
import org.reviewdesk.audit.AuditTrailView;

/** Each staff view opens for its roles only; anonymous users land on the login view. */
class ViewAccessTest extends KaribuTestSupport {

    // a window clerk starts cases and checks identities but never reviews or approves: no inbox, no overview
    private static final Map<Class<? extends Component>, Set<Role>> ALLOWED = Map.ofEntries(
            Map.entry(AdminHomeView.class, EnumSet.of(Role.ADMIN)),
            Map.entry(UserAdminView.class, EnumSet.of(Role.ADMIN)),
            Map.entry(HandlingUnitsView.class, EnumSet.of(Role.ADMIN)),
            Map.entry(CalendarAdminView.class, EnumSet.of(Role.ADMIN)),
            Map.entry(OperationsView.class, EnumSet.of(Role.ADMIN)),
            // the workbench serves every process: hotline agents and handling units' handlers work theirs in the same inbox
            Map.entry(WorkOverviewView.class, EnumSet.of(Role.REVIEWER, Role.SUPERVISOR, Role.HOTLINE_AGENT, Role.HANDLER)),
            Map.entry(InboxView.class, EnumSet.of(Role.REVIEWER, Role.SUPERVISOR, Role.HOTLINE_AGENT, Role.HANDLER)),
            Map.entry(DecisionReasonsView.class, EnumSet.of(Role.ADMIN, Role.SUPERVISOR)),
            Map.entry(HotlineHomeView.class, EnumSet.of(Role.HOTLINE_AGENT, Role.SUPERVISOR)),
            Map.entry(WindowView.class, EnumSet.of(Role.WINDOW_CLERK)),
            Map.entry(AccountImportView.class, EnumSet.of(Role.ADMIN)),
            Map.entry(AuditTrailView.class, EnumSet.of(Role.ADMIN)));

    @Test
    void anonymousUsersAreSentToLogin() {
        for (Class<? extends Component> view : ALLOWED.keySet()) {
            navigate(view);
            assertThat(currentView()).as(view.getSimpleName()).isInstanceOf(LoginView.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void eachViewOpensOnlyForItsRoles(Role role) {
        signInAs("someone", role);
        ALLOWED.forEach((view, roles) -> {
            boolean opened = navigate(view) && view.isInstance(currentView());
            assertThat(opened).as("%s opens for %s", view.getSimpleName(), role).isEqualTo(roles.contains(role));
        });
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void eachRoleStartsOnItsLandingPage(Role role) {
        signInAs("someone", role);
        navigate(HomeView.class);
        Class<? extends Component> expected = switch (role) {
            case ADMIN -> AdminHomeView.class;
            case HOTLINE_AGENT -> HotlineHomeView.class;
            case REVIEWER, SUPERVISOR -> WorkOverviewView.class;
            case WINDOW_CLERK -> WindowView.class;
            case HANDLER -> InboxView.class;
        };
        assertThat(currentView()).isInstanceOf(expected);
    }

    @Test
    void theMenuOffersOnlyWhatTheRoleMayOpen() {
        signInAs("someone", Role.HOTLINE_AGENT);
        navigate(HomeView.class);
        MainLayout layout = (MainLayout) UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(1);
        var items = com.github.mvysny.kaributesting.v10.LocatorJ._find(layout, com.vaadin.flow.component.sidenav.SideNavItem.class);
        assertThat(items).extracting(com.vaadin.flow.component.sidenav.SideNavItem::getPath).containsExactlyInAnyOrder("hotline", "work", "review/inbox", "cases");
    }

    /** Navigates; false when the router refused (Karibu turns "not found / not allowed" into an exception). */
    private static boolean navigate(Class<? extends Component> view) {
        try {
            UI.getCurrent().navigate(view);
            return true;
        } catch (RuntimeException refused) {
            return false;
        }
    }
}
