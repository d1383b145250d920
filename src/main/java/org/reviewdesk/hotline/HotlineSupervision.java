package org.reviewdesk.hotline;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.reviewdesk.platform.AuditLog;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hotline supervisors' figures (督办 and the monthly report): per handling unit and per agent, for
 * this week or this month in China (weeks from Monday), each counted by one aggregate query over
 * {@code work_order}. The limits were reckoned on the working-day calendar when the order was dispatched
 * (sign_due, handle_due), so "on time" compares stored times and needs no calendar here.
 *
 * <p>What each figure counts, for a period P:
 * <ul>
 * <li>received: orders dispatched to the unit in P (per agent: orders the agent took in P);</li>
 * <li>closed: orders closed (办结 after callback, or 直接答复) in P; merged orders are counted apart;</li>
 * <li>按时签收率: of the orders signed for in P, those signed by their sign-for limit;</li>
 * <li>按时办结率: of the orders closed after callback in P, those whose (last) reply came by the handling
 *     limit (after an approved extension, the moved limit; 直接答复 is on time);</li>
 * <li>回访率: of the orders replied in P (the last reply), those called back (closed);</li>
 * <li>满意率: (满意 + 基本满意) over callbacks of the orders closed in P, where an order reopened after
 *     不满意 had two callbacks;</li>
 * <li>重办率: of the orders closed after callback in P, those reopened;</li>
 * <li>overdue: open now, past the sign-for limit unsigned or past the handling limit unreplied.</li>
 * </ul>
 * Supervisors and administrators only, checked here whoever calls.
 */
@Service
public class HotlineSupervision {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int EXPORT_MAX_DAYS = 366;

    private final JdbcClient jdbc;
    private final BusinessTime time;
    private final AuditLog audit;

    /**
     * Each figure depends on one of the order's times being in the period (or, for overdue, on its open
     * state), so the sums split exactly into one branch per time (overdue: one per limit, as an OR would make
     * PostgreSQL read the table): each an index-only range scan of V28's
     * covering index that leads with that time, summed per key before the branches are added up.
     * Per key ({@code %1$s}) and time of receipt ({@code %2$s}); package-private for the benchmark's plans.
     */
    static final String FIGURES = """
            select k, sum(received) as received, sum(closed) as closed, sum(closed_on_time) as closed_on_time,
              sum(merged) as merged, sum(overdue) as overdue, sum(signed) as signed, sum(signed_on_time) as signed_on_time,
              sum(called_closed) as called_closed, sum(called_on_time) as called_on_time, sum(replied) as replied,
              sum(replied_called) as replied_called, sum(satisfied) as satisfied, sum(reopened) as reopened
            from (
              select %1$s as k, count(*) as received, 0 as closed, 0 as closed_on_time, 0 as merged, 0 as overdue,
                0 as signed, 0 as signed_on_time, 0 as called_closed, 0 as called_on_time, 0 as replied,
                0 as replied_called, 0 as satisfied, 0 as reopened
              from work_order where %2$s >= :from and %2$s < :to and %1$s is not null group by %1$s
              union all
              select %1$s, 0,
                sum(case when state in ('CLOSED', 'ANSWERED') then 1 else 0 end),
                sum(case when state = 'ANSWERED' or (state = 'CLOSED' and replied_at <= handle_due) then 1 else 0 end),
                sum(case when state = 'MERGED' then 1 else 0 end),
                0, 0, 0,
                sum(case when state = 'CLOSED' then 1 else 0 end),
                sum(case when state = 'CLOSED' and replied_at <= handle_due then 1 else 0 end),
                0, 0,
                sum(case when state = 'CLOSED' and satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED') then 1 else 0 end),
                sum(case when state = 'CLOSED' and reopened then 1 else 0 end)
              from work_order where closed_at >= :from and closed_at < :to and %1$s is not null group by %1$s
              union all
              select %1$s, 0, 0, 0, 0, 0, count(*), sum(case when signed_at <= sign_due then 1 else 0 end), 0, 0, 0, 0, 0, 0
              from work_order where signed_at >= :from and signed_at < :to and %1$s is not null group by %1$s
              union all
              select %1$s, 0, 0, 0, 0, 0, 0, 0, 0, 0, count(*), sum(case when state = 'CLOSED' then 1 else 0 end), 0, 0
              from work_order where replied_at >= :from and replied_at < :to and %1$s is not null group by %1$s
              union all
              select %1$s, 0, 0, 0, 0, count(*), 0, 0, 0, 0, 0, 0, 0, 0
              from work_order where state = 'AWAITING_SIGN' and sign_due < :now and %1$s is not null group by %1$s
              union all
              select %1$s, 0, 0, 0, 0, count(*), 0, 0, 0, 0, 0, 0, 0, 0
              from work_order where state in ('HANDLING', 'EXTENSION_REQUESTED') and handle_due < :now and %1$s is not null
              group by %1$s
            ) f
            group by k
            order by received desc, k""";

    HotlineSupervision(JdbcClient jdbc, BusinessTime time, AuditLog audit) {
        this.jdbc = jdbc;
        this.time = time;
        this.audit = audit;
    }

    /** The span of figures a supervisor looks at. */
    public enum Span {
        WEEK, MONTH;

        public String messageKey() {
            return "hotline.supervision.span." + name();
        }
    }

    /** Whom the rows are per. */
    public enum Per {
        /** The handling unit's code; only dispatched orders. */
        UNIT("unit_code", "dispatched_at"),
        /** The agent who took the call. */
        AGENT("taken_by", "created_at");

        private final String column;
        private final String receivedAt;

        Per(String column, String receivedAt) {
            this.column = column;
            this.receivedAt = receivedAt;
        }
    }

    /** A rate as its two counts; {@link #percent()} is null when nothing was counted. */
    public record Rate(long count, long of) {

        public Double percent() {
            return of == 0 ? null : 100.0 * count / of;
        }
    }

    /** The days a period spans in China: from its first day to its last, both included. */
    public record Period(LocalDate first, LocalDate last) {
    }

    /** One unit's or agent's figures for a period. */
    public record Figures(String key, long received, long closed, long closedOnTime, long merged, long overdue,
                          Rate onTimeSign, Rate onTimeClose, Rate callback, Rate satisfaction, Rate reopened) {
    }

    /** One closed order in the monthly report's export. */
    @JsonPropertyOrder({"number", "category", "unit", "received", "signed", "closed", "onTime", "satisfaction", "reopened",
            "mergedInto"})
    record ClosedOrder(String number, String category, String unit, String received, String signed, String closed,
                       String onTime, String satisfaction, String reopened, String mergedInto) {
    }

    /** The period of this span that contains today (the engine's clock in China). */
    public Period period(Span span) {
        LocalDate today = time.dayOf(now());
        return switch (span) {
            case WEEK -> new Period(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                    today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)));
            case MONTH -> new Period(today.withDayOfMonth(1), today.with(TemporalAdjusters.lastDayOfMonth()));
        };
    }

    /** The figures of this span per unit or per agent, busiest first. */
    @Transactional(readOnly = true)
    public List<Figures> figures(Span span, Per per, CurrentUser user) {
        requireSupervisor(user);
        return figures(period(Objects.requireNonNull(span, "span")), per);
    }

    List<Figures> figures(Period period, Per per) {
        OffsetDateTime from = start(period.first());
        OffsetDateTime to = start(period.last().plusDays(1));
        return jdbc.sql(FIGURES.formatted(per.column, per.receivedAt)).param("from", from).param("to", to).param("now", now())
                .query(HotlineSupervision::figuresRow).list().stream()
                .filter(f -> f.received() + f.closed() + f.merged() + f.overdue() + f.onTimeSign().of() + f.callback().of() > 0)
                .toList();
    }

    private static Figures figuresRow(ResultSet rs, int n) throws SQLException {
        long calledClosed = rs.getLong("called_closed");
        long reopened = rs.getLong("reopened");
        return new Figures(rs.getString("k"), rs.getLong("received"), rs.getLong("closed"), rs.getLong("closed_on_time"),
                rs.getLong("merged"), rs.getLong("overdue"),
                new Rate(rs.getLong("signed_on_time"), rs.getLong("signed")),
                new Rate(rs.getLong("called_on_time"), calledClosed),
                new Rate(rs.getLong("replied_called"), rs.getLong("replied")),
                // a reopened order was called back twice: 不满意, then its closing verdict
                new Rate(rs.getLong("satisfied"), calledClosed + reopened),
                new Rate(reopened, calledClosed));
    }

    /**
     * The orders closed (办结, 直接答复 or 并单) between two days in China, both included, as CSV for Excel
     * (UTF-8 with a byte-order mark), oldest first; audited.
     */
    @Transactional
    public byte[] closedOrdersCsv(LocalDate first, LocalDate last, CurrentUser user) {
        requireSupervisor(user);
        if (first == null || last == null || last.isBefore(first)) {
            throw new UserFacingException("hotline.supervision.export.period");
        }
        if (first.plusDays(EXPORT_MAX_DAYS).isBefore(last)) {
            throw new UserFacingException("hotline.supervision.export.tooLong", EXPORT_MAX_DAYS);
        }
        List<ClosedOrder> rows = jdbc.sql("""
                        select number, category, unit_code, created_at, signed_at, closed_at, state, replied_at, handle_due,
                          satisfaction, reopened, merged_into
                        from work_order
                        where closed_at >= :from and closed_at < :to
                        order by closed_at, id""")
                .param("from", start(first)).param("to", start(last.plusDays(1)))
                .query(this::closedOrder).list();
        audit.record(user.username(), "WORK_ORDERS_EXPORTED", null,
                BusinessTime.day(first) + ".." + BusinessTime.day(last) + ": " + rows.size());
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = mapper.schemaFor(ClosedOrder.class).withHeader();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        try (SequenceWriter writer = mapper.writer(schema).writeValues(out)) {
            writer.writeAll(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private ClosedOrder closedOrder(ResultSet rs, int n) throws SQLException {
        String state = rs.getString("state");
        OffsetDateTime replied = rs.getObject("replied_at", OffsetDateTime.class);
        OffsetDateTime due = rs.getObject("handle_due", OffsetDateTime.class);
        String onTime = switch (state) {
            case "ANSWERED" -> "Y";
            case "CLOSED" -> replied != null && due != null && !replied.isAfter(due) ? "Y" : "N";
            default -> "";
        };
        return new ClosedOrder(rs.getString("number"), rs.getString("category"), nonNull(rs.getString("unit_code")),
                minute(rs.getObject("created_at", OffsetDateTime.class)), minute(rs.getObject("signed_at", OffsetDateTime.class)),
                minute(rs.getObject("closed_at", OffsetDateTime.class)), onTime, nonNull(rs.getString("satisfaction")),
                rs.getBoolean("reopened") ? "Y" : "N", nonNull(rs.getString("merged_into")));
    }

    private String minute(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(time.zone()).format(MINUTE);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** Whether the user may see these figures (for the menu and the view). */
    public static boolean supervises(CurrentUser user) {
        return user != null && (user.has(Role.SUPERVISOR) || user.has(Role.ADMIN));
    }

    private static void requireSupervisor(CurrentUser user) {
        if (!supervises(user)) {
            throw new AccessDeniedException((user == null ? "nobody" : user.username()) + " supervises no hotline");
        }
    }

    private OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay(time.zone()).toOffsetDateTime();
    }

    /** The engine's clock, as {@link WorkOrders} reckons limits (process tests fix it). */
    private OffsetDateTime now() {
        return ClockUtil.getCurrentTime().toInstant().atZone(time.zone()).toOffsetDateTime();
    }
}
