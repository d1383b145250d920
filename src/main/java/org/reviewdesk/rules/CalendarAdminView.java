package org.reviewdesk.rules;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import org.reviewdesk.platform.DatePickers;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.Toasts;

/**
 * Working-day overrides: a new State Council notice, a local holiday, or the next year's
 * holidays before the data package has them. Every change is audited by the calendar service.
 */
@Route("admin/calendar")
@RolesAllowed(Role.ADMIN_NAME)
public class CalendarAdminView extends VerticalLayout implements HasDynamicTitle {

    private final WorkingDayCalendar calendar;
    private final Grid<CalendarOverride> grid = new Grid<>(CalendarOverride.class, false);

    public CalendarAdminView(WorkingDayCalendar calendar) {
        this.calendar = calendar;
        addClassName("calendar-admin");
        int lastYear = calendar.lastYearCovered();

        Div coverage = new Div(new H2(getTranslation("rules.calendar.admin.coverageTitle")),
                new Paragraph(getTranslation("rules.calendar.admin.coverage", String.valueOf(lastYear))));
        coverage.addClassName("card");
        Button confirmNextYear = new Button(getTranslation("rules.calendar.admin.confirmYear", String.valueOf(lastYear + 1)), e -> {
            calendar.confirmYearCoveredByOverrides(lastYear + 1, CurrentUser.require().username());
            Toasts.success(getTranslation("rules.calendar.admin.saved"));
        });
        confirmNextYear.setId("confirm-year");
        coverage.add(new Paragraph(getTranslation("rules.calendar.admin.confirmYearHelp", String.valueOf(lastYear + 1))), confirmNextYear);

        DatePicker day = DatePickers.localised(new DatePicker(getTranslation("rules.calendar.admin.day")));
        day.setId("override-day");
        RadioButtonGroup<Boolean> working = new RadioButtonGroup<>(getTranslation("rules.calendar.admin.kind"));
        working.setItems(Boolean.FALSE, Boolean.TRUE);
        working.setItemLabelGenerator(w -> getTranslation(w ? "rules.calendar.admin.working" : "rules.calendar.admin.holiday"));
        working.setValue(Boolean.FALSE);
        working.setId("override-kind");
        TextField note = new TextField(getTranslation("rules.calendar.admin.note"));
        note.setMaxLength(WorkingDayOverride.NOTE_MAX);
        note.setPlaceholder(getTranslation("rules.calendar.admin.notePlaceholder"));
        note.setId("override-note");
        note.setWidth("22em");
        Button add = new Button(getTranslation("rules.calendar.admin.add"), e -> {
            if (day.getValue() == null) {
                day.setInvalid(true);
                day.setErrorMessage(getTranslation("rules.calendar.admin.dayRequired"));
                return;
            }
            calendar.setOverride(day.getValue(), working.getValue(), note.getValue(), CurrentUser.require().username());
            day.clear();
            note.clear();
            refresh();
            Toasts.success(getTranslation("rules.calendar.admin.saved"));
        });
        add.setId("add-override");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(day, working, note, add);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        grid.setId("overrides");
        grid.setEmptyStateText(getTranslation("rules.calendar.admin.empty"));
        grid.addColumn(CalendarOverride::day).setHeader(getTranslation("rules.calendar.admin.day")).setAutoWidth(true);
        grid.addComponentColumn(o -> {
            Span badge = new Span(getTranslation(o.working() ? "rules.calendar.admin.working" : "rules.calendar.admin.holiday"));
            badge.getElement().getThemeList().add(o.working() ? "badge" : "badge success");
            return badge;
        }).setHeader(getTranslation("rules.calendar.admin.kind")).setAutoWidth(true);
        grid.addColumn(o -> o.note() == null ? "" : o.note()).setHeader(getTranslation("rules.calendar.admin.note")).setFlexGrow(1);
        grid.addColumn(CalendarOverride::createdBy).setHeader(getTranslation("rules.calendar.admin.by")).setAutoWidth(true);
        grid.addComponentColumn(o -> {
            Button remove = new Button(getTranslation("rules.calendar.admin.remove"), e -> {
                calendar.removeOverride(o.day(), CurrentUser.require().username());
                refresh();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            return remove;
        }).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.setMaxWidth("960px");

        add(coverage, new H2(getTranslation("rules.calendar.admin.overrides")), form, grid);
        refresh();
    }

    private void refresh() {
        LocalDate today = calendar.today();
        grid.setItems(calendar.overrides(today.minusYears(1), today.plusYears(2)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("rules.calendar.admin.title");
    }
}
