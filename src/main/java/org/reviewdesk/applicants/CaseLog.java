package org.reviewdesk.applicants;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.reviewdesk.rules.RuleMessage;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A process's two side tables of a case, shaped alike in every process: the results of its automated
 * checks (one row per check, replaced when it runs again) and its timeline (append-only; the rows
 * marked applicant-visible are what the status page shows). Each process names its own tables; the
 * SQL is the same. Writes join the caller's transaction (a service's or the engine's).
 */
public final class CaseLog {

    /** What a check found: it passed, the reviewer should look (flagged), or it stopped the case. */
    public enum Outcome { PASSED, FLAGGED, STOPPED }

    public record Check(String name, Outcome outcome, RuleMessage message, OffsetDateTime at) {
    }

    public record Event(OffsetDateTime at, String kind, String actor, String detail) {
    }

    private static final Pattern TABLE = Pattern.compile("[a-z_]{1,60}");
    private static final String SEPARATOR = "\u001f";
    private static final int DETAIL_MAX = 2000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String checkTable;
    private final String eventTable;
    private final String caseColumn;

    /**
     * @param checkTable e.g. {@code name_change_check}: case column, check_name, outcome, message_key, arguments, checked_at
     * @param eventTable e.g. {@code name_change_event}: case column, occurred_at, kind, actor, detail, applicant_visible
     * @param caseColumn the column both tables refer to the case by, e.g. {@code change_id}
     */
    public CaseLog(JdbcClient jdbc, Clock clock, String checkTable, String eventTable, String caseColumn) {
        this.jdbc = Objects.requireNonNull(jdbc);
        this.clock = Objects.requireNonNull(clock);
        this.checkTable = identifier(checkTable);
        this.eventTable = identifier(eventTable);
        this.caseColumn = identifier(caseColumn);
    }

    private static String identifier(String name) {
        if (name == null || !TABLE.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a table or column name: " + name);
        }
        return name;
    }

    /** Now by the application's clock, to the microsecond both databases keep. */
    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    public void saveCheck(long caseId, String check, Outcome outcome, RuleMessage message) {
        jdbc.sql("delete from " + checkTable + " where " + caseColumn + " = :id and check_name = :check")
                .param("id", caseId).param("check", check).update();
        jdbc.sql("insert into " + checkTable + " (" + caseColumn + ", check_name, outcome, message_key, arguments, checked_at)"
                        + " values (:id, :check, :outcome, :key, :args, :now)")
                .param("id", caseId).param("check", check).param("outcome", outcome.name()).param("key", message.key())
                .param("args", message.arguments().stream().map(String::valueOf).collect(Collectors.joining(SEPARATOR)))
                .param("now", now()).update();
    }

    public List<Check> checks(long caseId) {
        return jdbc.sql("select check_name, outcome, message_key, arguments, checked_at from " + checkTable
                        + " where " + caseColumn + " = :id order by id")
                .param("id", caseId)
                .query((rs, n) -> new Check(rs.getString(1), Outcome.valueOf(rs.getString(2)),
                        new RuleMessage(rs.getString(3), arguments(rs.getString(4))), rs.getObject(5, OffsetDateTime.class)))
                .list();
    }

    public void event(long caseId, String kind, String actor, String detail, boolean applicantVisible) {
        jdbc.sql("insert into " + eventTable + " (" + caseColumn + ", occurred_at, kind, actor, detail, applicant_visible)"
                        + " values (:id, :now, :kind, :actor, :detail, :visible)")
                .param("id", caseId).param("now", now()).param("kind", kind).param("actor", actor)
                .param("detail", detail == null ? null : detail.length() > DETAIL_MAX ? detail.substring(0, DETAIL_MAX) : detail)
                .param("visible", applicantVisible).update();
    }

    public List<Event> events(long caseId, boolean applicantOnly) {
        return jdbc.sql("select occurred_at, kind, actor, detail from " + eventTable + " where " + caseColumn + " = :id"
                        + (applicantOnly ? " and applicant_visible = true" : "") + " order by occurred_at, id")
                .param("id", caseId)
                .query((rs, n) -> new Event(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    private static List<Object> arguments(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList((Object[]) joined.split(SEPARATOR));
    }
}
