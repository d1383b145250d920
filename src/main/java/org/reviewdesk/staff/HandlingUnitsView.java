package org.reviewdesk.staff;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.reviewdesk.platform.NarrowScreen;
import org.reviewdesk.platform.PhoneCard;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.Toasts;
import org.reviewdesk.platform.UserFacingException;

/**
 * Handling units (承办单位) of 12345 work orders: add a unit, rename or switch it off, and keep its
 * members. Every change goes through {@link HandlingUnits}, which checks and audits it.
 */
@Route("admin/units")
@RolesAllowed(Role.ADMIN_NAME)
public class HandlingUnitsView extends VerticalLayout implements HasDynamicTitle {

    private final HandlingUnits units;
    final Grid<HandlingUnit> grid = new Grid<>(HandlingUnit.class, false);
    private final VerticalLayout members = new VerticalLayout();

    public HandlingUnitsView(HandlingUnits units) {
        this.units = units;
        addClassName("units-admin");
        setSizeFull();
        Button add = new Button(getTranslation("staff.units.add"), VaadinIcon.PLUS.create(), e -> openEditor(null));
        add.setId("add-unit");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("units");
        grid.addColumn(HandlingUnit::code).setHeader(getTranslation("staff.units.code")).setAutoWidth(true).setFlexGrow(0);
        // the names grow, the other columns keep their content's width: a unit's English name is not cut to "Provincial service…"
        grid.addColumn(HandlingUnit::nameZh).setHeader(getTranslation("staff.units.nameZh")).setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(HandlingUnit::nameEn).setHeader(getTranslation("staff.units.nameEn")).setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(HandlingUnit::camundaGroup).setHeader(getTranslation("staff.units.group")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(u -> getTranslation(u.active() ? "staff.units.active" : "staff.units.inactive"))
                .setHeader(getTranslation("staff.units.active")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(u -> edit(u, "")).setAutoWidth(true).setFlexGrow(0);
        // a phone: one card per unit (its six columns scrolled sideways inside the grid)
        Grid.Column<HandlingUnit> card = grid.addComponentColumn(this::card).setKey("card")
                .setHeader(getTranslation("staff.units.title")).setFlexGrow(1);
        card.setVisible(false);
        NarrowScreen.follow(grid, NarrowScreen.PHONE, narrow -> NarrowScreen.cardOnly(grid, card, narrow));
        grid.asSingleSelect().addValueChangeListener(e -> showMembers(e.getValue()));
        members.setId("unit-members");
        members.setPadding(false);
        add(add, grid, members);
        refresh();
    }

    private Button edit(HandlingUnit unit, String idPrefix) {
        Button edit = new Button(getTranslation("staff.units.edit"), e -> openEditor(unit));
        edit.setId(idPrefix + "edit-" + unit.code());
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return edit;
    }

    private PhoneCard card(HandlingUnit unit) {
        PhoneCard card = new PhoneCard(unit.code(),
                PhoneCard.state(getTranslation(unit.active() ? "staff.units.active" : "staff.units.inactive"), unit.active()))
                .line(unit.nameZh(), "zh").line(unit.nameEn(), "en")
                .minor(getTranslation("staff.units.group") + " " + unit.camundaGroup());
        card.add(edit(unit, "card-"));
        return card;
    }

    private void refresh() {
        grid.setItems(units.all());
    }

    private void showMembers(HandlingUnit unit) {
        members.removeAll();
        if (unit == null) {
            return;
        }
        members.add(new H3(getTranslation("staff.units.members") + " · " + unit.nameZh()));
        if (unit.roleGroup()) {
            members.add(new Span(getTranslation("staff.units.roleGroupMembers",
                    Role.ofCamundaGroup(unit.camundaGroup()).map(r -> getTranslation(r.messageKey())).orElse(unit.camundaGroup()))));
            return;
        }
        for (String username : units.members(unit.code())) {
            Button remove = new Button(getTranslation("staff.units.removeMember"), e -> act(() -> units.removeMember(unit.code(), username),
                    () -> showMembers(unit)));
            remove.setId("remove-" + username);
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            members.add(new HorizontalLayout(new Span(username), remove));
        }
        TextField username = new TextField(getTranslation("staff.units.username"));
        username.setId("member-username");
        Button addMember = new Button(getTranslation("staff.units.addMember"), e -> act(() -> units.addMember(unit.code(), username.getValue()),
                () -> showMembers(unit)));
        addMember.setId("add-member");
        members.add(new HorizontalLayout(username, addMember));
    }

    private void openEditor(HandlingUnit unit) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(unit == null ? "staff.units.add" : "staff.units.title"));
        TextField code = new TextField(getTranslation("staff.units.code"));
        code.setId("unit-code");
        TextField nameZh = new TextField(getTranslation("staff.units.nameZh"));
        nameZh.setId("unit-name-zh");
        TextField nameEn = new TextField(getTranslation("staff.units.nameEn"));
        nameEn.setId("unit-name-en");
        Checkbox active = new Checkbox(getTranslation("staff.units.active"), true);
        if (unit != null) {
            code.setValue(unit.code());
            code.setReadOnly(true);
            nameZh.setValue(unit.nameZh());
            nameEn.setValue(unit.nameEn());
            active.setValue(unit.active());
        }
        active.setVisible(unit != null);
        dialog.add(new FormLayout(code, nameZh, nameEn, active));
        Button save = new Button(getTranslation("staff.units.save"), e -> act(() -> {
            if (unit == null) {
                units.create(code.getValue(), nameZh.getValue(), nameEn.getValue());
            } else {
                units.update(unit.code(), nameZh.getValue(), nameEn.getValue(), active.getValue());
            }
        }, () -> {
            dialog.close();
            refresh();
        }));
        save.setId("save-unit");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(save);
        dialog.open();
    }

    private void act(Runnable change, Runnable after) {
        try {
            change.run();
        } catch (UserFacingException e) {
            Toasts.error(getTranslation(e.messageKey(), e.arguments()));
            return;
        }
        Toasts.success(getTranslation("staff.units.saved"));
        after.run();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("staff.units.title");
    }
}
