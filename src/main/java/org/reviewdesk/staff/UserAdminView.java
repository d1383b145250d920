package org.reviewdesk.staff;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumSet;
import java.util.Set;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.Languages;
import org.reviewdesk.platform.NarrowScreen;
import org.reviewdesk.platform.PhoneCard;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.Toasts;
import org.reviewdesk.platform.UserFacingException;

/** Add and disable staff users and set their roles. Every change goes through {@link StaffDirectory}, which checks and audits it. */
@Route("admin/users")
@RolesAllowed(Role.ADMIN_NAME)
public class UserAdminView extends VerticalLayout implements HasDynamicTitle {

    private final StaffDirectory directory;
    private final BusinessTime time;
    final Grid<StaffMember> grid = new Grid<>(StaffMember.class, false);

    public UserAdminView(StaffDirectory directory, BusinessTime time) {
        this.directory = directory;
        this.time = time;
        addClassName("user-admin");
        setSizeFull();

        Button add = new Button(getTranslation("staff.users.add"), VaadinIcon.PLUS.create(), e -> openCreateDialog());
        add.setId("add-user");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.setId("users");
        // only the roles column grows: the others are as wide as their content, so a list of roles in
        // English ("Reviewer, Supervisor", "Service-centre window clerk") is not cut to "Service-ce…"
        grid.addColumn(StaffMember::username).setHeader(getTranslation("staff.users.username")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(StaffMember::displayName).setHeader(getTranslation("staff.users.displayName")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::roles).setHeader(getTranslation("staff.users.roles")).setAutoWidth(true).setFlexGrow(1)
                .setTooltipGenerator(this::roles);
        grid.addComponentColumn(this::status).setHeader(getTranslation("staff.users.status")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> time.minute(m.createdAt()))
                .setHeader(getTranslation("staff.users.createdAt")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(m -> actions(m, "")).setKey("actions").setHeader(getTranslation("staff.users.actions"))
                .setAutoWidth(true).setFlexGrow(0);
        // a phone: one card per user (its six columns scrolled sideways inside the grid)
        Grid.Column<StaffMember> card = grid.addComponentColumn(this::card).setKey("card")
                .setHeader(getTranslation("staff.users.title")).setFlexGrow(1);
        card.setVisible(false);
        NarrowScreen.follow(grid, NarrowScreen.PHONE, narrow -> NarrowScreen.cardOnly(grid, card, narrow));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();

        add(add, grid);
        refresh();
    }

    private String roles(StaffMember member) {
        return Languages.list(getLocale(), member.roles().stream().sorted().map(r -> getTranslation(r.messageKey())).toList());
    }

    private Span status(StaffMember member) {
        return PhoneCard.state(getTranslation(member.enabled() ? "staff.users.enabled" : "staff.users.disabled"), member.enabled());
    }

    private PhoneCard card(StaffMember member) {
        PhoneCard card = new PhoneCard(member.username(), status(member)).line(member.displayName()).line(roles(member))
                .minor(getTranslation("staff.users.createdAt") + " " + time.minute(member.createdAt()));
        HorizontalLayout actions = actions(member, "card-");
        actions.getStyle().set("flex-wrap", "wrap");
        card.add(actions);
        return card;
    }

    /** The row's actions; {@code idPrefix} tells the phone card's buttons from the row's. */
    private HorizontalLayout actions(StaffMember member, String idPrefix) {
        Button toggle = new Button(getTranslation(member.enabled() ? "staff.users.disable" : "staff.users.enable"),
                e -> toggleEnabled(member));
        toggle.setId(idPrefix + "toggle-" + member.username());
        Button roles = new Button(getTranslation("staff.users.editRoles"), e -> openRolesDialog(member));
        roles.setId(idPrefix + "roles-" + member.username());
        Button password = new Button(getTranslation("staff.users.resetPassword"), e -> openPasswordDialog(member));
        password.setId(idPrefix + "password-" + member.username());
        for (Button b : new Button[] {toggle, roles, password}) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        return new HorizontalLayout(toggle, roles, password);
    }

    private void refresh() {
        grid.setItems(directory.list());
    }

    private void toggleEnabled(StaffMember member) {
        if (!member.enabled()) {
            act(() -> directory.setEnabled(member.username(), true));
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("staff.users.disable"));
        confirm.setText(getTranslation("staff.users.confirmDisable", member.username()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("staff.users.cancel"));
        confirm.setConfirmText(getTranslation("staff.users.disable"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> act(() -> directory.setEnabled(member.username(), false)));
        confirm.open();
    }

    private void openCreateDialog() {
        TextField username = new TextField(getTranslation("staff.users.username"));
        username.setHelperText(getTranslation("staff.users.usernameHelp"));
        username.setId("new-username");
        TextField displayName = new TextField(getTranslation("staff.users.displayName"));
        displayName.setId("new-display-name");
        PasswordField password = new PasswordField(getTranslation("staff.users.password"));
        password.setHelperText(getTranslation("staff.users.passwordHelp", StaffDirectory.MIN_PASSWORD_LENGTH));
        password.setId("new-password");
        CheckboxGroup<Role> roles = roleChooser(EnumSet.noneOf(Role.class));
        roles.setId("new-roles");
        FormLayout form = new FormLayout(username, displayName, password, roles);
        form.setColspan(roles, 2);

        Dialog dialog = new Dialog(form);
        dialog.setHeaderTitle(getTranslation("staff.users.add"));
        Button save = new Button(getTranslation("staff.users.save"), e -> {
            try {
                StaffMember created = directory.create(username.getValue(), displayName.getValue(), password.getValue(), roles.getValue());
                dialog.close();
                refresh();
                Toasts.success(getTranslation("staff.users.created", created.username()));
            } catch (UserFacingException refused) {
                Toasts.error(getTranslation(refused.messageKey(), refused.arguments()));
            }
        });
        save.setId("save-user");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("staff.users.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void openRolesDialog(StaffMember member) {
        CheckboxGroup<Role> roles = roleChooser(member.roles());
        roles.setId("edit-roles");
        Dialog dialog = new Dialog(roles);
        dialog.setHeaderTitle(getTranslation("staff.users.editRoles") + " · " + member.username());
        Button save = new Button(getTranslation("staff.users.save"), e -> {
            if (act(() -> directory.changeRoles(member.username(), roles.getValue()))) {
                dialog.close();
            }
        });
        save.setId("save-roles");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("staff.users.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void openPasswordDialog(StaffMember member) {
        PasswordField password = new PasswordField(getTranslation("staff.users.newPassword"));
        password.setHelperText(getTranslation("staff.users.passwordHelp", StaffDirectory.MIN_PASSWORD_LENGTH));
        password.setId("reset-password");
        Dialog dialog = new Dialog(password);
        dialog.setHeaderTitle(getTranslation("staff.users.resetPassword") + " · " + member.username());
        Button save = new Button(getTranslation("staff.users.save"), e -> {
            if (act(() -> directory.resetPassword(member.username(), password.getValue()))) {
                dialog.close();
            }
        });
        save.setId("save-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("staff.users.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private CheckboxGroup<Role> roleChooser(Set<Role> selected) {
        CheckboxGroup<Role> roles = new CheckboxGroup<>(getTranslation("staff.users.roles"));
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
        roles.setValue(selected);
        return roles;
    }

    /** Runs a change; a refusal is shown to the admin in their language and nothing changes. */
    private boolean act(Runnable change) {
        try {
            change.run();
            refresh();
            Toasts.success(getTranslation("staff.users.saved"));
            return true;
        } catch (UserFacingException refused) {
            Toasts.error(getTranslation(refused.messageKey(), refused.arguments()));
            return false;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("staff.users.title");
    }
}
