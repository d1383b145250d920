package org.reviewdesk.rules;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** An administrator enters a local holiday; the calendar honours it at once; others may not. */
class CalendarAdminViewTest extends KaribuTestSupport {

    private static final LocalDate LOCAL_HOLIDAY = LocalDate.of(2026, 12, 15); // a Tuesday

    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeOverride() {
        jdbc.sql("delete from working_day_override where calendar_day = :d").param("d", LOCAL_HOLIDAY).update();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdministratorDeclaresALocalHoliday() {
        assertThat(calendar.isWorkingDay(LOCAL_HOLIDAY)).isTrue();
        signInAs("admin", Role.ADMIN);
        UI.getCurrent().navigate(CalendarAdminView.class);

        _setValue(_get(DatePicker.class, s -> s.withId("override-day")), LOCAL_HOLIDAY);
        _setValue(_get(RadioButtonGroup.class, s -> s.withId("override-kind")), Boolean.FALSE);
        _setValue(_get(TextField.class, s -> s.withId("override-note")), "地方性假日");
        _click(_get(Button.class, s -> s.withId("add-override")));

        assertThat(calendar.isWorkingDay(LOCAL_HOLIDAY)).isFalse();
        assertThat(jdbc.sql("select count(*) from audit_record where actor = 'admin' and action = 'CALENDAR_OVERRIDE_SET'")
                .query(Integer.class).single()).isPositive();
    }

    @Test
    void aDateIsRequired() {
        signInAs("admin", Role.ADMIN);
        UI.getCurrent().navigate(CalendarAdminView.class);
        _click(_get(Button.class, s -> s.withId("add-override")));
        DatePicker day = _get(DatePicker.class, s -> s.withId("override-day"));
        assertThat(day.isInvalid()).isTrue();
        assertThat(day.getErrorMessage()).isEqualTo("请选择日期");
    }

    @Test
    void onlyAdministratorsMayChangeTheCalendar() {
        signInAs("reviewer", Role.REVIEWER);
        assertThatThrownBy(() -> calendar.setOverride(LOCAL_HOLIDAY, false, "x", "reviewer")).isInstanceOf(AccessDeniedException.class);
        assertThat(calendar.isWorkingDay(LOCAL_HOLIDAY)).isTrue();
    }
}
