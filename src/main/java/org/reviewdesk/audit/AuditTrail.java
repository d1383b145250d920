package org.reviewdesk.audit;

import jakarta.annotation.security.RolesAllowed;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.reviewdesk.platform.AuditLog;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrators' read of the append-only audit trail: search (newest first, offset pages over the
 * indexes of V1 and V26, no count) and a CSV export of a bounded period, streamed row by row through a
 * database cursor and itself audited. Nothing here writes to {@code audit_record} except the export's
 * own record.
 */
@Service
public class AuditTrail {

    public static final String AUDIT_EXPORTED = "AUDIT_EXPORTED";
    /** The longest period one export may cover, in days (both ends included). */
    public static final int MAX_EXPORT_DAYS = 366;
    public static final int MAX_PAGE = 500;
    /** Column widths of {@code audit_record}: longer input cannot match and is refused with a message. */
    static final int MAX_ACTOR = 100;
    static final int MAX_CASE_REF = 100;
    static final int MAX_ACTION = 64;

    /**
     * Actions listed in the filter even before the first record of them: the reads of personal data
     * (ID scans, revealed numbers) an administrator is most likely to look for.
     */
    static final List<String> ALWAYS_LISTED = List.of("documents.viewIdScan", "documents.readRefused",
            "PERSONAL_DATA_REVEALED", "PERSONAL_DATA_REVEAL_REFUSED", AUDIT_EXPORTED);

    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String COLUMNS = "id, occurred_at, actor, action, case_ref, detail";
    private static final RowMapper<AuditEntry> ENTRY = (rs, n) -> new AuditEntry(rs.getLong("id"),
            rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("actor"), rs.getString("action"),
            rs.getString("case_ref"), rs.getString("detail"));

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final AuditLog audit;
    private final BusinessTime time;

    AuditTrail(DataSource dataSource, AuditLog audit, BusinessTime time) {
        this.jdbc = new JdbcTemplate(dataSource);
        // a cursor, not the whole result in memory: PostgreSQL honours the fetch size inside a transaction
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1000);
        this.audit = audit;
        this.time = time;
    }

    /** A page of records matching the query, newest first. */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional(readOnly = true)
    public List<AuditEntry> search(AuditQuery query, int offset, int limit) {
        CurrentUser.require().requireRole(Role.ADMIN);
        Where where = where(checked(query));
        List<Object> args = new ArrayList<>(where.args());
        args.add(Math.max(0, Math.min(limit, MAX_PAGE)));
        args.add(Math.max(0, offset));
        return jdbc.query("select " + COLUMNS + " from audit_record" + where.sql()
                + " order by occurred_at desc, id desc limit ? offset ?", ENTRY, args.toArray());
    }

    /**
     * The actions present in the trail, with those always listed, sorted. A skip scan over the
     * {@code (action, occurred_at, id)} index: one index probe per distinct action, not a pass over
     * millions of rows.
     */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional(readOnly = true)
    public List<String> actions() {
        CurrentUser.require().requireRole(Role.ADMIN);
        TreeSet<String> actions = new TreeSet<>(ALWAYS_LISTED);
        actions.addAll(jdbc.queryForList("""
                with recursive a(action) as (
                    (select action from audit_record order by action limit 1)
                    union all
                    select (select r.action from audit_record r where r.action > a.action order by r.action limit 1)
                    from a where a.action is not null)
                select action from a where action is not null""", String.class));
        return List.copyOf(actions);
    }

    /** Refuses what cannot be searched, with a message for the person; the query, trimmed. */
    public AuditQuery checked(AuditQuery query) {
        AuditQuery q = new AuditQuery(blankToNull(query.actor()), blankToNull(query.caseRef()), blankToNull(query.action()),
                query.from(), query.to());
        if (q.actor() != null && q.actor().length() > MAX_ACTOR) {
            throw new UserFacingException("audit.error.actorTooLong", MAX_ACTOR);
        }
        if (q.caseRef() != null && q.caseRef().length() > MAX_CASE_REF) {
            throw new UserFacingException("audit.error.caseRefTooLong", MAX_CASE_REF);
        }
        if (q.action() != null && q.action().length() > MAX_ACTION) {
            throw new UserFacingException("audit.error.actionTooLong", MAX_ACTION);
        }
        if (q.from() != null && q.to() != null && q.to().isBefore(q.from())) {
            throw new UserFacingException("audit.error.toBeforeFrom");
        }
        return q;
    }

    /** As {@link #checked}, and the export's own bounds: a period of both days and at most {@link #MAX_EXPORT_DAYS}. */
    public AuditQuery checkedForExport(AuditQuery query) {
        AuditQuery q = checked(query);
        if (q.from() == null || q.to() == null) {
            throw new UserFacingException("audit.error.periodRequired");
        }
        if (ChronoUnit.DAYS.between(q.from(), q.to()) + 1 > MAX_EXPORT_DAYS) {
            throw new UserFacingException("audit.error.periodTooLong", MAX_EXPORT_DAYS);
        }
        return q;
    }

    /** A moment in China time to the second, as the viewer and the export show it. */
    public String second(OffsetDateTime moment) {
        return SECOND.format(time.inZone(moment));
    }

    /** The export's file name for a query (period in it), before any record is read. */
    public static String fileName(AuditQuery query) {
        return "audit-" + query.from() + "_" + query.to() + ".csv";
    }

    /**
     * Writes the matching records of a period as CSV (UTF-8 with BOM, so Excel reads Chinese; newest
     * first; times in China time to the second) to {@code out} as they are read, then audits the export:
     * who, the period, the filters and the number of rows.
     */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional(readOnly = true)
    public AuditExport export(AuditQuery query, OutputStream out) {
        CurrentUser admin = CurrentUser.require();
        admin.requireRole(Role.ADMIN);
        AuditQuery q = checkedForExport(query);
        Where where = where(q);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        long[] rows = {0};
        boolean complete = false;
        try {
            writer.write('\uFEFF');
            writer.write("id,occurred_at,actor,action,case_ref,detail\r\n");
            streaming.query("select " + COLUMNS + " from audit_record" + where.sql() + " order by occurred_at desc, id desc",
                    rs -> {
                        try {
                            writer.write(Long.toString(rs.getLong(1)));
                            writer.write(',');
                            writer.write(second(rs.getObject(2, OffsetDateTime.class)));
                            for (int c = 3; c <= 6; c++) {
                                writer.write(',');
                                writer.write(csv(rs.getString(c)));
                            }
                            writer.write("\r\n");
                            rows[0]++;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }, where.args().toArray());
            writer.flush();
            complete = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            audit.recordNow(admin.username(), AUDIT_EXPORTED, q.caseRef(), String.format(Locale.ROOT,
                    "period=%s..%s actor=%s action=%s rows=%d%s", q.from(), q.to(), orDash(q.actor()), orDash(q.action()),
                    rows[0], complete ? "" : " (aborted)"));
        }
        return new AuditExport(fileName(q), rows[0]);
    }

    private Where where(AuditQuery q) {
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>();
        if (q.actor() != null) {
            and(sql).append("actor = ?");
            args.add(q.actor());
        }
        if (q.caseRef() != null) {
            and(sql).append("case_ref = ?");
            args.add(q.caseRef());
        }
        if (q.action() != null) {
            and(sql).append("action = ?");
            args.add(q.action());
        }
        if (q.from() != null) {
            and(sql).append("occurred_at >= ?");
            args.add(startOf(q.from()));
        }
        if (q.to() != null) {
            and(sql).append("occurred_at < ?");
            args.add(startOf(q.to().plusDays(1)));
        }
        return new Where(sql.toString(), args);
    }

    /** The first moment of a business day, as the database compares it. */
    private Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(time.zone()).toInstant());
    }

    private static StringBuilder and(StringBuilder sql) {
        return sql.append(sql.isEmpty() ? " where " : " and ");
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so a spreadsheet never runs it as a formula. */
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }

    private record Where(String sql, List<Object> args) {
    }
}
