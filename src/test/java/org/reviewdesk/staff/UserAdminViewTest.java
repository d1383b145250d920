package org.reviewdesk.staff;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import java.util.stream.IntStream;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The admin's user management: add, refuse bad input in Chinese, disable, and every change audited. */
class UserAdminViewTest extends KaribuTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdministratorAddsAReviewer() {
        signInAs("admin", Role.ADMIN);
        UI.getCurrent().navigate(UserAdminView.class);
        fillNewUser("reviewer9", "审核员 孙丽", "Welcome-2026", Role.REVIEWER);
        _click(_get(Button.class, spec -> spec.withId("save-user")));

        expectNotifications("已新增用户 reviewer9");
        assertThat(jdbc.sql("select role from staff_user_role r join staff_user u on u.id = r.user_id where u.username = 'reviewer9'")
                .query(String.class).list()).containsExactly("REVIEWER");
        assertThat(jdbc.sql("select count(*) from audit_record where actor = 'admin' and action = 'STAFF_CREATED' and detail like 'reviewer9%'")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aWeakPasswordIsRefusedInChineseAndNothingIsCreated() {
        signInAs("admin", Role.ADMIN);
        UI.getCurrent().navigate(UserAdminView.class);
        fillNewUser("weakling", "张三", "short1", Role.REVIEWER);
        _click(_get(Button.class, spec -> spec.withId("save-user")));

        expectNotifications("密码至少 10 位，且须同时包含字母和数字。");
        assertThat(jdbc.sql("select count(*) from staff_user where username = 'weakling'").query(Integer.class).single()).isZero();
    }

    @Test
    void anAdministratorCannotDisableThemself() {
        signInAs("admin", Role.ADMIN);
        UI.getCurrent().navigate(UserAdminView.class);
        _click(actionButton("admin", "toggle-admin"));
        _fireConfirm(_get(ConfirmDialog.class));
        expectNotifications("不能停用自己的账号。");
        assertThat(jdbc.sql("select enabled from staff_user where username = 'admin'").query(Boolean.class).single()).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPhonesCardHoldsTheUserAndItsActions() {
        signInAs("admin", Role.ADMIN);
        UI.getCurrent().navigate(UserAdminView.class);
        Grid<StaffMember> grid = _get(Grid.class, spec -> spec.withId("users"));
        int row = IntStream.range(0, GridKt._size(grid)).filter(i -> GridKt._get(grid, i).username().equals("admin")).findFirst().orElseThrow();
        Component card = GridKt._getCellComponent(grid, row, "card");
        assertThat(card.getElement().getTextRecursively()).contains("admin", "系统管理员 赵敏", "系统管理员", "创建时间");
        // the card's own buttons act as the row's do
        _click(_get(card, Button.class, spec -> spec.withId("card-toggle-admin")));
        _fireConfirm(_get(ConfirmDialog.class));
        expectNotifications("不能停用自己的账号。");
    }

    @Test
    void theServiceRefusesNonAdministratorsWhateverTheView() {
        signInAs("reviewer", Role.REVIEWER);
        StaffDirectory directory = context.getBean(StaffDirectory.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> directory.create("intruder", "X", "Password-2026", Set.of(Role.ADMIN)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> directory.setEnabled("admin", false))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @SuppressWarnings("unchecked")
    private static Button actionButton(String username, String id) {
        Grid<StaffMember> grid = _get(Grid.class, spec -> spec.withId("users"));
        int row = IntStream.range(0, GridKt._size(grid))
                .filter(i -> GridKt._get(grid, i).username().equals(username)).findFirst().orElseThrow();
        Component actions = GridKt._getCellComponent(grid, row, "actions");
        return _get(actions, Button.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private void fillNewUser(String username, String name, String password, Role role) {
        _click(_get(Button.class, spec -> spec.withId("add-user")));
        _setValue(_get(TextField.class, spec -> spec.withId("new-username")), username);
        _setValue(_get(TextField.class, spec -> spec.withId("new-display-name")), name);
        _setValue(_get(PasswordField.class, spec -> spec.withId("new-password")), password);
        _setValue(_get(CheckboxGroup.class, spec -> spec.withId("new-roles")), Set.of(role));
    }
}
