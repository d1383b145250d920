package org.reviewdesk.review;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.Toasts;
import org.reviewdesk.platform.UserFacingException;

/**
 * Saved filters in the inbox: pick one (mine, or shared with one of my groups) to apply it; save the
 * inbox as it is under a name; share one of mine with one of my groups; delete one of mine. The
 * service enforces who may do what; this bar only offers what it would allow.
 */
class SavedFilterBar extends HorizontalLayout {

    private final SavedFilters filters;
    private final CurrentUser user;
    private final Supplier<InboxFilter> current;
    private final Select<SavedFilter> saved = new Select<>();
    private final Button share = new Button();
    private final Button delete = new Button();

    SavedFilterBar(SavedFilters filters, CurrentUser user, Supplier<InboxFilter> current, Consumer<InboxFilter> apply) {
        this.filters = filters;
        this.user = user;
        this.current = current;
        addClassName("saved-filter-bar");
        setSpacing(false);
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

        saved.setId("saved-filters");
        saved.addClassName("saved-filters");
        saved.setAriaLabel(getTranslation("review.filter.label"));
        saved.setEmptySelectionAllowed(true);
        saved.setItemLabelGenerator(this::label);
        saved.addValueChangeListener(e -> {
            updateButtons();
            if (e.getValue() != null) {
                apply.accept(e.getValue().filter());
            }
        });

        Button save = new Button(getTranslation("review.filter.save"), VaadinIcon.BOOKMARK_O.create(), e -> openSave());
        save.setId("save-filter");
        save.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        share.setId("share-filter");
        share.setIcon(VaadinIcon.USERS.create());
        // an icon like delete's, named on hover: with its words the English bar no longer fit 1366 px on one line
        share.setAriaLabel(getTranslation("review.filter.share"));
        share.setTooltipText(getTranslation("review.filter.share"));
        share.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        share.addClickListener(e -> openShare(saved.getValue()));
        delete.setId("delete-filter");
        delete.setIcon(VaadinIcon.TRASH.create());
        delete.setAriaLabel(getTranslation("review.filter.delete"));
        delete.setTooltipText(getTranslation("review.filter.delete"));
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        delete.addClickListener(e -> confirmDelete(saved.getValue()));
        add(saved, save, share, delete);
        reload(null);
    }

    /** Forgets the filter shown as applied, after the user changed the inbox by hand. */
    void clearChoice() {
        if (saved.getValue() != null) {
            saved.clear();
        }
    }

    private void reload(SavedFilter select) {
        List<SavedFilter> visible = filters.visible(user);
        // the box says what it holds, also before there is anything to choose
        saved.setEmptySelectionCaption(getTranslation(visible.isEmpty() ? "review.filter.noneYet" : "review.filter.none"));
        saved.setItems(visible);
        saved.setEnabled(!visible.isEmpty());
        if (select != null) {
            visible.stream().filter(f -> f.id() == select.id()).findFirst().ifPresent(saved::setValue);
        }
        updateButtons();
    }

    private void updateButtons() {
        boolean mine = saved.getValue() != null && saved.getValue().ownedBy(user);
        share.setEnabled(mine);
        delete.setEnabled(mine);
    }

    private String label(SavedFilter filter) {
        if (filter == null) {
            // the empty choice: the field shows its label, so an empty one left the box blank
            return saved.getEmptySelectionCaption();
        }
        if (!filter.ownedBy(user)) {
            return getTranslation("review.filter.sharedBy", filter.name(), filter.ownerName());
        }
        return filter.groupId() == null ? filter.name()
                : getTranslation("review.filter.sharedWith", filter.name(), groupName(filter.groupId()));
    }

    private String groupName(String groupId) {
        return Role.ofCamundaGroup(groupId).map(r -> getTranslation(r.messageKey())).orElse(groupId);
    }

    private Select<String> groupChoice(String selected) {
        Select<String> group = new Select<>();
        group.setId("filter-group");
        group.setLabel(getTranslation("review.filter.shareWith"));
        List<String> choices = new ArrayList<>();
        choices.add("");
        user.roles().stream().map(Role::camundaGroup).sorted().forEach(choices::add);
        group.setItems(choices);
        group.setItemLabelGenerator(g -> g.isEmpty() ? getTranslation("review.filter.private") : groupName(g));
        group.setValue(selected == null ? "" : selected);
        group.setWidthFull();
        return group;
    }

    private void openSave() {
        Dialog dialog = new Dialog();
        dialog.setId("save-filter-dialog");
        dialog.setHeaderTitle(getTranslation("review.filter.saveTitle"));
        TextField name = new TextField(getTranslation("review.filter.name"));
        name.setId("filter-name");
        name.setMaxLength(SavedFilters.MAX_NAME_LENGTH);
        name.setWidthFull();
        name.setHelperText(getTranslation("review.filter.nameHelp", SavedFilters.MAX_NAME_LENGTH));
        Select<String> group = groupChoice(null);
        dialog.add(name, group);
        Button ok = new Button(getTranslation("review.filter.saveConfirm"), e -> {
            try {
                SavedFilter created = filters.save(name.getValue(), current.get(), blankToNull(group.getValue()), user);
                dialog.close();
                Toasts.success(getTranslation("review.filter.saved", created.name()));
                reload(created);
            } catch (UserFacingException refused) {
                name.setErrorMessage(getTranslation(refused.messageKey(), refused.arguments()));
                name.setInvalid(true);
            }
        });
        ok.setId("filter-save-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("review.assign.cancel"), e -> dialog.close());
        dialog.getFooter().add(cancel, ok);
        dialog.setWidth("26rem");
        dialog.open();
        name.focus();
    }

    private void openShare(SavedFilter filter) {
        Dialog dialog = new Dialog();
        dialog.setId("share-filter-dialog");
        dialog.setHeaderTitle(getTranslation("review.filter.shareTitle", filter.name()));
        Select<String> group = groupChoice(filter.groupId());
        dialog.add(group);
        Button ok = new Button(getTranslation("review.filter.shareConfirm"), e -> {
            act(() -> filters.share(filter.id(), blankToNull(group.getValue()), user), "review.filter.shared", filter, filter);
            dialog.close();
        });
        ok.setId("filter-share-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("review.assign.cancel"), e -> dialog.close());
        dialog.getFooter().add(cancel, ok);
        dialog.setWidth("24rem");
        dialog.open();
    }

    private void confirmDelete(SavedFilter filter) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("review.filter.deleteTitle"),
                getTranslation("review.filter.deleteText", filter.name()), getTranslation("review.filter.delete"),
                e -> act(() -> filters.delete(filter.id(), user), "review.filter.deleted", filter, null));
        confirm.setId("delete-filter-dialog");
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("review.assign.cancel"));
        confirm.open();
    }

    /** Runs an act on {@code filter}, says how it went, and lists the filters again (showing {@code reselect}). */
    private void act(Runnable action, String doneKey, SavedFilter filter, SavedFilter reselect) {
        try {
            action.run();
            Toasts.success(getTranslation(doneKey, filter.name()));
        } catch (UserFacingException refused) {
            Toasts.error(getTranslation(refused.messageKey(), refused.arguments()));
        }
        reload(reselect);
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
