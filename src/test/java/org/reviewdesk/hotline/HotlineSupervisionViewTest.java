package org.reviewdesk.hotline;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Locale;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.platform.Languages;
import org.reviewdesk.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The supervision view over the real service, in Chinese and English: a unit with a closed and an overdue order. */
class HotlineSupervisionViewTest extends KaribuTestSupport {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2025-04-16T10:00:00+08:00");

    @Autowired JdbcClient jdbc;

    String unit;

    @BeforeEach
    void orders() {
        ClockUtil.setCurrentTime(Date.from(NOW.toInstant()));
        String marker = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
        unit = "SUPV" + marker;
        insert("GDV" + marker + "1", "CLOSED", NOW.minusDays(2), NOW.minusDays(1), NOW.plusDays(3), NOW.minusHours(20));
        insert("GDV" + marker + "2", "HANDLING", NOW.minusDays(2), NOW.minusDays(1), NOW.minusHours(1), null);
    }

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    @Test
    void aSupervisorSeesTheUnitsFiguresInChinese() {
        signInAs("supervisor", Role.SUPERVISOR);
        UI.getCurrent().setLocale(Languages.CHINESE);
        UI.getCurrent().navigate(HotlineSupervisionView.class);

        assertThat(_get(H2.class).getText()).isEqualTo("12345工单督办");
        assertThat(_get(Paragraph.class, spec -> spec.withId("supervision-period")).getText())
                .isEqualTo("2025-04-01 至 2025-04-30（北京时间）");
        Grid<HotlineSupervision.Figures> units = unitsGrid();
        int row = rowOf(units);
        assertThat(units.getColumnByKey("hotline.supervision.onTimeSign").getHeaderText()).isEqualTo("按时签收率");
        assertThat(_getFormatted(units, row, "hotline.supervision.received")).isEqualTo("2");
        assertThat(_getFormatted(units, row, "hotline.supervision.closed")).isEqualTo("1");
        assertThat(_getFormatted(units, row, "hotline.supervision.overdue")).isEqualTo("1");
        assertThat(_getFormatted(units, row, "hotline.supervision.satisfaction")).isEqualTo("100.0%");
        assertThat(_getFormatted(units, row, "hotline.supervision.reopened")).isEqualTo("0.0%");
    }

    @Test
    void anAdminSeesTheWeekInEnglishAndDownloadsTheCsv() throws IOException {
        signInAs("admin", Role.ADMIN);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate(HotlineSupervisionView.class);
        HotlineSupervisionView view = (HotlineSupervisionView) currentView();
        @SuppressWarnings("unchecked")
        Select<HotlineSupervision.Span> span = _get(Select.class, spec -> spec.withId("supervision-span"));
        span.setValue(HotlineSupervision.Span.WEEK);

        assertThat(_get(Paragraph.class, spec -> spec.withId("supervision-period")).getText())
                .isEqualTo("2025-04-14 to 2025-04-20 (China time)");
        Grid<HotlineSupervision.Figures> units = unitsGrid();
        assertThat(units.getColumnByKey("hotline.supervision.callback").getHeaderText()).isEqualTo("Callback rate");
        assertThat(_getFormatted(units, rowOf(units), "hotline.supervision.onTimeSign")).isEqualTo("100.0%");
        assertThat(_get(Anchor.class, spec -> spec.withId("export-closed")).getText()).isEqualTo("Download CSV");

        _get(DatePicker.class, spec -> spec.withId("export-from")).setValue(LocalDate.of(2025, 4, 1));
        _get(DatePicker.class, spec -> spec.withId("export-to")).setValue(LocalDate.of(2025, 4, 30));
        DownloadResponse response = view.csv();
        byte[] csv = response.getInputStream().readAllBytes();
        assertThat(csv[0]).isEqualTo((byte) 0xEF);
        assertThat(new String(csv, java.nio.charset.StandardCharsets.UTF_8)).contains("GDV").contains(unit);
    }

    @SuppressWarnings("unchecked")
    private static Grid<HotlineSupervision.Figures> unitsGrid() {
        return _get(Grid.class, spec -> spec.withId("supervision-units"));
    }

    private int rowOf(Grid<HotlineSupervision.Figures> grid) {
        for (int i = 0; i < _size(grid); i++) {
            if (_get(grid, i).key().equals(unit)) {
                return i;
            }
        }
        throw new AssertionError("no row for " + unit);
    }

    private void insert(String number, String state, OffsetDateTime dispatched, OffsetDateTime signed, OffsetDateTime handleDue,
                        OffsetDateTime replied) {
        jdbc.sql("""
                insert into work_order (number, state, category, channel, caller_name, caller_mobile, description, locale,
                  taken_by, created_at, unit_code, unit_group, dispatched_at, sign_due, signed_by, signed_at, handle_due,
                  replied_at, closed_at, satisfaction, overdue, reopened)
                values (:number, :state, 'HELP', 'PHONE', '测试', '13900000000', 'view test', 'zh-CN', 'hotline', :dispatched,
                  :unit, 'unit-x', :dispatched, :signDue, 'handler', :signed, :handleDue, :replied, :closed, :satisfaction,
                  false, false)""")
                .param("number", number).param("state", state).param("dispatched", dispatched).param("unit", unit)
                .param("signDue", dispatched.plusDays(1)).param("signed", signed).param("handleDue", handleDue)
                .param("replied", replied).param("closed", replied == null ? null : replied.plusHours(1))
                .param("satisfaction", replied == null ? null : "SATISFIED")
                .update();
    }
}
