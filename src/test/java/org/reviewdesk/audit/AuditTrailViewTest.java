package org.reviewdesk.audit;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.platform.Languages;
import org.reviewdesk.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An administrator searches the trail and is told, in Chinese or English, what input cannot be used. */
class AuditTrailViewTest extends KaribuTestSupport {

    @Autowired JdbcClient jdbc;
    AuditFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new AuditFixtures(jdbc);
    }

    @Test
    void anAdministratorFindsAUsersRecordsWithTheDetailAsTextAndTheActionTranslated() {
        String erin = fixtures.actor("erin");
        fixtures.record(LocalDateTime.of(2008, 5, 4, 9, 30), erin, "documents.viewIdScan", "DR-X", "<b>not bold</b>");
        open(Languages.CHINESE);

        field("audit-actor").setValue(erin);

        assertThat(GridKt._size(grid())).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(grid(), 0)).containsExactly("2008-05-04 09:30:00", erin, "查看身份证件", "DR-X", "<b>not bold</b>");
        assertThat(span("audit-problem").getText()).isEmpty();
    }

    @Test
    void aPhonesCardShowsTheWholeEntryAsText() {
        String frank = fixtures.actor("frank");
        fixtures.record(LocalDateTime.of(2008, 5, 4, 9, 31), frank, "documents.viewIdScan", "DR-Y", "<i>typed</i>");
        open(Languages.CHINESE);
        field("audit-actor").setValue(frank);

        com.vaadin.flow.component.Component card = GridKt._getCellComponent(grid(), 0, "card");
        assertThat(card.getElement().getTextRecursively()).contains("2008-05-04 09:31:00", frank, "查看身份证件 · DR-Y", "<i>typed</i>");
        assertThat(card.getElement().getChildren().anyMatch(e -> e.getTag().equals("i"))).as("the detail is text, not HTML").isFalse();
    }

    @Test
    void badInputIsExplainedInChinese() {
        open(Languages.CHINESE);

        field("audit-case").setValue("X".repeat(1000));
        assertThat(span("audit-problem").getText()).isEqualTo("案件编号不能超过 100 个字符。");
        assertThat(GridKt._size(grid())).isZero();

        field("audit-case").setValue("");
        date("audit-from").setValue(LocalDate.of(2009, 2, 1));
        date("audit-to").setValue(LocalDate.of(2009, 1, 1));
        assertThat(span("audit-problem").getText()).isEqualTo("截止日期早于起始日期。");
    }

    @Test
    void theDatePickersShowIsoDatesAndTheUisMonthNames() {
        open(Locale.ENGLISH);
        DatePicker.DatePickerI18n english = date("audit-from").getI18n();
        // the English default would be 12/5/2026, ambiguous beside the desk's 2026-12-05 everywhere else
        assertThat(english.getDateFormats()).containsExactly("yyyy-MM-dd");
        assertThat(english.getMonthNames().get(11)).isEqualTo("December");
        assertThat(english.getFirstDayOfWeek()).isEqualTo(1);
    }

    @Test
    void theDatePickersSpeakChinese() {
        open(Languages.CHINESE);
        DatePicker.DatePickerI18n chinese = date("audit-from").getI18n();
        // Vaadin's own month names and "Today" are English in either language
        assertThat(chinese.getMonthNames().get(11)).isEqualTo("十二月");
        assertThat(chinese.getToday()).isEqualTo("今天");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theExportIsOfferedOnlyForAPeriodOfAtMostAYearExplainedInEnglish() {
        open(Locale.ENGLISH);
        Anchor export = _get(Anchor.class, s -> s.withId("audit-export"));
        assertThat(export.isEnabled()).isFalse();
        assertThat(span("audit-export-note").getText()).isEqualTo("Cannot export yet. Choose a start and an end date.");

        date("audit-from").setValue(LocalDate.of(2010, 1, 1));
        date("audit-to").setValue(LocalDate.of(2011, 6, 1));
        assertThat(span("audit-export-note").getText()).isEqualTo("Cannot export yet. The period may be at most 366 days.");
        assertThat(export.isEnabled()).isFalse();

        date("audit-to").setValue(LocalDate.of(2010, 1, 31));
        assertThat(span("audit-export-note").getText()).isEmpty();
        assertThat(export.isEnabled()).isTrue();
        assertThat(_get(Select.class, s -> s.withId("audit-action")).getItemLabelGenerator().apply("documents.viewIdScan"))
                .isEqualTo("ID document viewed");
        assertThat(_get(Select.class, s -> s.withId("audit-action")).getItemLabelGenerator().apply("NO_KEY_FOR_THIS"))
                .isEqualTo("NO_KEY_FOR_THIS");
    }

    private void open(Locale locale) {
        signInAs("admin", Role.ADMIN);
        UI.getCurrent().setLocale(locale);
        UI.getCurrent().navigate(AuditTrailView.class);
    }

    private static TextField field(String id) {
        return _get(TextField.class, s -> s.withId(id));
    }

    private static DatePicker date(String id) {
        return _get(DatePicker.class, s -> s.withId(id));
    }

    private static Span span(String id) {
        return _get(Span.class, s -> s.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static Grid<AuditEntry> grid() {
        return _get(Grid.class, s -> s.withId("audit-grid"));
    }
}
