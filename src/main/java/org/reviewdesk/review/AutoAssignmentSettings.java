package org.reviewdesk.review;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import org.reviewdesk.platform.NarrowScreen;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Toasts;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.security.access.AccessDeniedException;

/**
 * The supervisors' switches of automatic assignment on the work overview: one row per supervised
 * process and group that works it, off until switched on; each switch is saved and audited at once.
 */
class AutoAssignmentSettings extends Div {

    private final AutoAssignment assignment;
    private final CurrentUser user;
    private final Grid<AutoAssignment.Setting> grid = new Grid<>();

    private final ColleagueNames colleagues;
    private final StepNames processNames;
    /** Who switched each setting on, by display name (the username on hover), for the rows shown. */
    private Map<String, String> names = Map.of();

    AutoAssignmentSettings(AutoAssignment assignment, ColleagueNames colleagues, StepNames processNames) {
        this.assignment = assignment;
        this.colleagues = colleagues;
        this.processNames = processNames;
        this.user = CurrentUser.require();
        setId("auto-assign-settings");
        addClassName("auto-assign-settings");
        Paragraph rule = new Paragraph(getTranslation("review.autoAssign.rule"));
        rule.addClassName("overview-note");

        grid.setId("auto-assign-grid");
        // process names and headers wrap instead of ending in "…"; on a phone who switched it on steps aside
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(s -> processNames.process(s.processKey(), getLocale())).setHeader(getTranslation("review.autoAssign.process")).setFlexGrow(2);
        grid.addColumn(s -> getTranslation(s.group().messageKey())).setHeader(getTranslation("review.overview.group")).setFlexGrow(1);
        grid.addComponentColumn(this::toggle).setHeader(getTranslation("review.autoAssign.column")).setKey("on").setFlexGrow(1);
        Grid.Column<AutoAssignment.Setting> changedBy = grid.addColumn(s -> s.on() ? names.getOrDefault(s.changedBy(), s.changedBy()) : "")
                .setTooltipGenerator(s -> s.on() ? s.changedBy() : null)
                .setHeader(getTranslation("review.autoAssign.changedBy")).setFlexGrow(1);
        NarrowScreen.follow(grid, NarrowScreen.PHONE, narrow -> changedBy.setVisible(!narrow));
        grid.setAllRowsVisible(true);
        grid.addClassName("overview-grid");
        add(new H3(getTranslation("review.autoAssign.title")), rule, grid);
        refresh();
    }

    private Checkbox toggle(AutoAssignment.Setting setting) {
        Checkbox on = new Checkbox(setting.on());
        on.setAriaLabel(getTranslation("review.autoAssign.column") + " " + processNames.process(setting.processKey(), getLocale()) + " "
                + getTranslation(setting.group().messageKey()));
        on.setId("auto-assign-" + setting.processKey() + "-" + setting.group().camundaGroup());
        on.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            try {
                assignment.switchTo(setting.processKey(), setting.group(), e.getValue(), user);
                Toasts.success(getTranslation(e.getValue() ? "review.autoAssign.switchedOn" : "review.autoAssign.switchedOff",
                        processNames.process(setting.processKey(), getLocale()), getTranslation(setting.group().messageKey())));
            } catch (UserFacingException | AccessDeniedException refused) {
                String text = refused instanceof UserFacingException u ? getTranslation(u.messageKey(), u.arguments())
                        : getTranslation("review.autoAssign.denied");
                Toasts.error(text);
            }
            refresh();
        });
        return on;
    }

    private void refresh() {
        List<AutoAssignment.Setting> settings = assignment.settings(user);
        names = colleagues.of(settings.stream().map(AutoAssignment.Setting::changedBy).toList(), user);
        grid.setItems(settings);
    }
}
