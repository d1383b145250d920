package org.reviewdesk.platform;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.staff.AdminHomeView;
import org.reviewdesk.staff.UserAdminView;

/** After sign-in: the shell, its menu by role, and moving between views. */
class NavigationTest extends KaribuTestSupport {

    @Test
    void anAdministratorNavigatesFromTheLandingPageToUserManagement() {
        signInAs("admin", Role.ADMIN);
        UI.getCurrent().navigate(HomeView.class);
        assertThat(currentView()).isInstanceOf(AdminHomeView.class);

        var menu = _find(SideNavItem.class);
        assertThat(menu).extracting(SideNavItem::getLabel).containsExactly("工单督办", "系统管理", "用户与角色", "法人账号导入", "承办单位", "工作日历", "流程运维", "审计日志", "驳回原因");
        UI.getCurrent().navigate(menu.get(2).getPath());
        assertThat(currentView()).isInstanceOf(UserAdminView.class);
    }

    @Test
    void anAdministratorOpensTheAuditTrailFromTheMenu() {
        signInAs("admin", Role.ADMIN);
        UI.getCurrent().navigate(HomeView.class);
        SideNavItem audit = _find(SideNavItem.class).stream().filter(i -> "审计日志".equals(i.getLabel())).findFirst().orElseThrow();
        UI.getCurrent().navigate(audit.getPath());
        assertThat(currentView()).isInstanceOf(org.reviewdesk.audit.AuditTrailView.class);
        assertThat(audit.getPath()).isEqualTo("admin/audit");
    }

    @Test
    void aSupervisorWhoIsAlsoAReviewerSeesTheWorkOverviewWithGroupCounts() {
        signInAs("supervisor", Role.SUPERVISOR, Role.REVIEWER);
        UI.getCurrent().navigate(HomeView.class);
        // outcomes by kind, per group, per person, and the automatic-assignment switches
        assertThat(_find(com.vaadin.flow.component.grid.Grid.class)).hasSize(4);
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).containsExactly("工作概览", "任务收件箱", "案件查询", "来电受理", "工单督办", "驳回原因");
    }
}
