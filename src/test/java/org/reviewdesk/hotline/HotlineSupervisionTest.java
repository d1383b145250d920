package org.reviewdesk.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Each supervision figure over hand-made orders of one unit and one agent (unique to each test, as the
 * database is shared): the week is Monday 17 to Sunday 23 March 2025, "now" Friday 21 March 10:00 in
 * China. Orders, all dispatched to the unit by the agent:
 * <ol>
 * <li>closed on time, 满意;</li>
 * <li>signed late, 不满意 then reopened, replied within the renewed limit, 基本满意;</li>
 * <li>replied after the limit, reopened, 不满意 a second time (closed);</li>
 * <li>merged into order 1;</li>
 * <li>signed, handling past its limit (overdue);</li>
 * <li>replied, waiting for the callback;</li>
 * <li>waiting to be signed past the sign-for limit (overdue);</li>
 * <li>earlier in March: closed on time, 满意 (the month, not the week);</li>
 * <li>February: closed (neither);</li>
 * </ol>
 * and one direct answer of the agent (no unit).
 */
@ApplicationTest
class HotlineSupervisionTest {

    static final CurrentUser SUPERVISOR = new CurrentUser("supervisor", Set.of(Role.SUPERVISOR, Role.REVIEWER));
    static final CurrentUser ADMIN = new CurrentUser("admin", Set.of(Role.ADMIN));
    static final OffsetDateTime NOW = OffsetDateTime.parse("2025-03-21T10:00:00+08:00");

    @Autowired HotlineSupervision supervision;
    @Autowired JdbcClient jdbc;

    String unit;
    String agent;
    String prefix;

    @BeforeEach
    void orders() {
        ClockUtil.setCurrentTime(Date.from(NOW.toInstant()));
        String marker = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        unit = "SUP" + marker;
        agent = "agent-" + marker;
        prefix = "GDT" + marker;
        order(1, "CLOSED", "2025-03-17T09:00", "2025-03-18T09:00", "2025-03-17T10:00", "2025-03-20T09:00", "2025-03-18T10:00",
                "2025-03-18T15:00", "SATISFIED", false, null);
        order(2, "CLOSED", "2025-03-17T09:00", "2025-03-18T09:00", "2025-03-19T09:00", "2025-03-26T09:00", "2025-03-20T09:00",
                "2025-03-20T11:00", "BASICALLY_SATISFIED", true, null);
        order(3, "CLOSED", "2025-03-17T09:00", "2025-03-18T09:00", "2025-03-17T11:00", "2025-03-18T09:00", "2025-03-19T09:00",
                "2025-03-19T16:00", "DISSATISFIED", true, null);
        order(4, "MERGED", "2025-03-17T09:00", "2025-03-18T09:00", null, "2025-03-20T09:00", null,
                "2025-03-17T12:00", null, false, prefix + "01");
        order(5, "HANDLING", "2025-03-17T09:00", "2025-03-18T09:00", "2025-03-17T10:00", "2025-03-20T09:00", null,
                null, null, false, null);
        order(6, "AWAITING_CALLBACK", "2025-03-17T09:00", "2025-03-18T09:00", "2025-03-17T10:00", "2025-03-24T09:00",
                "2025-03-20T09:00", null, null, false, null);
        order(7, "AWAITING_SIGN", "2025-03-19T09:00", "2025-03-20T09:00", null, "2025-03-24T09:00", null,
                null, null, false, null);
        order(8, "CLOSED", "2025-03-03T09:00", "2025-03-04T09:00", "2025-03-03T10:00", "2025-03-06T09:00", "2025-03-04T09:00",
                "2025-03-04T15:00", "SATISFIED", false, null);
        order(9, "CLOSED", "2025-02-10T09:00", "2025-02-11T09:00", "2025-02-10T10:00", "2025-02-13T09:00", "2025-02-11T09:00",
                "2025-02-12T15:00", "SATISFIED", false, null);
        insert(Map.of("number", prefix + "10", "state", "ANSWERED", "category", "ENQUIRY", "created_at", at("2025-03-18T09:00"),
                "closed_at", at("2025-03-18T09:05"), "reopened", false));
    }

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    @Test
    void theWeekPerUnitCountsEachFigure() {
        HotlineSupervision.Figures f = of(supervision.figures(HotlineSupervision.Span.WEEK, HotlineSupervision.Per.UNIT, SUPERVISOR),
                unit);
        assertThat(f.received()).as("dispatched in the week: all but 8, 9").isEqualTo(7);
        assertThat(f.closed()).isEqualTo(3);
        assertThat(f.closedOnTime()).as("3 replied after its limit").isEqualTo(2);
        assertThat(f.merged()).isEqualTo(1);
        assertThat(f.overdue()).as("5 past handling, 7 past sign-for").isEqualTo(2);
        assertThat(f.onTimeSign()).as("2 signed late").isEqualTo(new HotlineSupervision.Rate(4, 5));
        assertThat(f.onTimeClose()).isEqualTo(new HotlineSupervision.Rate(2, 3));
        assertThat(f.callback()).as("6 waits for its callback").isEqualTo(new HotlineSupervision.Rate(3, 4));
        assertThat(f.satisfaction()).as("满意 + 基本满意 over 5 callbacks (2 and 3 twice)")
                .isEqualTo(new HotlineSupervision.Rate(2, 5));
        assertThat(f.reopened()).isEqualTo(new HotlineSupervision.Rate(2, 3));
        assertThat(f.satisfaction().percent()).isEqualTo(40.0);
    }

    @Test
    void theMonthAddsEarlierMarchButNotFebruary() {
        HotlineSupervision.Figures f = of(supervision.figures(HotlineSupervision.Span.MONTH, HotlineSupervision.Per.UNIT, ADMIN),
                unit);
        assertThat(f.received()).isEqualTo(8);
        assertThat(f.closed()).isEqualTo(4);
        assertThat(f.closedOnTime()).isEqualTo(3);
        assertThat(f.overdue()).isEqualTo(2);
        assertThat(f.onTimeSign()).isEqualTo(new HotlineSupervision.Rate(5, 6));
        assertThat(f.callback()).isEqualTo(new HotlineSupervision.Rate(4, 5));
        assertThat(f.satisfaction()).isEqualTo(new HotlineSupervision.Rate(3, 6));
        assertThat(f.reopened()).isEqualTo(new HotlineSupervision.Rate(2, 4));
        assertThat(supervision.period(HotlineSupervision.Span.MONTH))
                .isEqualTo(new HotlineSupervision.Period(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31)));
        assertThat(supervision.period(HotlineSupervision.Span.WEEK))
                .isEqualTo(new HotlineSupervision.Period(LocalDate.of(2025, 3, 17), LocalDate.of(2025, 3, 23)));
    }

    @Test
    void perAgentCountsCallsTakenAndDirectAnswers() {
        HotlineSupervision.Figures f = of(supervision.figures(HotlineSupervision.Span.WEEK, HotlineSupervision.Per.AGENT, SUPERVISOR),
                agent);
        assertThat(f.received()).as("taken in the week: 1-7 and the direct answer").isEqualTo(8);
        assertThat(f.closed()).isEqualTo(4);
        assertThat(f.closedOnTime()).as("a direct answer is on time").isEqualTo(3);
        assertThat(f.satisfaction()).isEqualTo(new HotlineSupervision.Rate(2, 5));
    }

    @Test
    void onlySupervisorsAndAdminsSeeFiguresOrExport() {
        for (Role role : List.of(Role.HOTLINE_AGENT, Role.HANDLER, Role.REVIEWER, Role.WINDOW_CLERK)) {
            CurrentUser user = new CurrentUser("someone", Set.of(role));
            assertThatThrownBy(() -> supervision.figures(HotlineSupervision.Span.WEEK, HotlineSupervision.Per.UNIT, user))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> supervision.closedOrdersCsv(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), user))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> supervision.closedOrdersCsv(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), null))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theExportListsTheClosedOrdersOfThePeriodForExcel() {
        byte[] csv = supervision.closedOrdersCsv(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), SUPERVISOR);

        assertThat(Arrays.copyOf(csv, 3)).as("UTF-8 byte-order mark").containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("number,category,unit,received,signed,closed,onTime,satisfaction,reopened,mergedInto");
        assertThat(lines.stream().filter(l -> l.startsWith(prefix)).toList()).containsExactly(
                prefix + "08,COMPLAINT," + unit + ",\"2025-03-03 08:55\",\"2025-03-03 10:00\",\"2025-03-04 15:00\",Y,SATISFIED,N,",
                prefix + "04,COMPLAINT," + unit + ",\"2025-03-17 08:55\",,\"2025-03-17 12:00\",,,N," + prefix + "01",
                prefix + "10,ENQUIRY,,\"2025-03-18 09:00\",,\"2025-03-18 09:05\",Y,,N,",
                prefix + "01,COMPLAINT," + unit + ",\"2025-03-17 08:55\",\"2025-03-17 10:00\",\"2025-03-18 15:00\",Y,SATISFIED,N,",
                prefix + "03,COMPLAINT," + unit + ",\"2025-03-17 08:55\",\"2025-03-17 11:00\",\"2025-03-19 16:00\",N,DISSATISFIED,Y,",
                prefix + "02,COMPLAINT," + unit + ",\"2025-03-17 08:55\",\"2025-03-19 09:00\",\"2025-03-20 11:00\",Y,BASICALLY_SATISFIED,Y,");
        assertThat(jdbc.sql("select count(*) from audit_record where actor = 'supervisor' and action = 'WORK_ORDERS_EXPORTED'"
                        + " and detail like '2025-03-01..2025-03-31:%'").query(Long.class).single()).isPositive();
    }

    @Test
    void anExportNeedsAPeriodInOrder() {
        assertThatThrownBy(() -> supervision.closedOrdersCsv(LocalDate.of(2025, 3, 31), LocalDate.of(2025, 3, 1), SUPERVISOR))
                .isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> supervision.closedOrdersCsv(null, LocalDate.of(2025, 3, 1), SUPERVISOR))
                .isInstanceOf(UserFacingException.class);
    }

    private static HotlineSupervision.Figures of(List<HotlineSupervision.Figures> rows, String key) {
        return rows.stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow(() -> new AssertionError("no row " + key));
    }

    /** A complaint dispatched to the test unit by the test agent, taken 5 minutes before dispatch. */
    private void order(int n, String state, String dispatched, String signDue, String signed, String handleDue, String replied,
                       String closed, String satisfaction, boolean reopened, String mergedInto) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("number", prefix + String.format("%02d", n));
        c.put("state", state);
        c.put("category", "COMPLAINT");
        c.put("created_at", at(dispatched).minusMinutes(5));
        c.put("unit_code", unit);
        c.put("unit_group", "unit-" + unit.toLowerCase());
        c.put("dispatched_by", agent);
        c.put("dispatched_at", at(dispatched));
        c.put("sign_due", at(signDue));
        c.put("signed_by", signed == null ? null : "handler");
        c.put("signed_at", at(signed));
        c.put("handle_due", at(handleDue));
        c.put("replied_at", at(replied));
        c.put("closed_at", at(closed));
        c.put("satisfaction", satisfaction);
        c.put("reopened", reopened);
        c.put("merged_into", mergedInto);
        insert(c);
    }

    private void insert(Map<String, Object> columns) {
        Map<String, Object> c = new LinkedHashMap<>(columns);
        c.put("channel", "PHONE");
        c.put("caller_name", "测试");
        c.put("caller_mobile", "13900000000");
        c.put("description", "supervision test");
        c.put("locale", "zh-CN");
        c.put("taken_by", agent);
        c.put("overdue", false);
        String names = String.join(", ", c.keySet());
        String values = ":" + String.join(", :", c.keySet());
        var spec = jdbc.sql("insert into work_order (" + names + ") values (" + values + ")");
        for (Map.Entry<String, Object> e : c.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        spec.update();
    }

    private static OffsetDateTime at(String local) {
        return local == null ? null : OffsetDateTime.parse(local + ":00+08:00");
    }
}
