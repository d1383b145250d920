package org.reviewdesk.namechange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.reviewdesk.rules.RuleMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tables of process 3 ({@code V18__name_change.sql}): the case, its checks and its timeline.
 * Every write joins the caller's transaction (the service's or the engine's), so it commits with the
 * process step that made it.
 */
@Component
class NameChangeRecords {

    /** What a check found: it passed, the reviewer should look (flagged), or it stopped the case. */
    enum Outcome { PASSED, FLAGGED, STOPPED }

    record Check(String name, Outcome outcome, RuleMessage message) {
    }

    record Event(OffsetDateTime at, String kind, String actor, String detail) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    NameChangeRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long insert(String number, NameChangeRequest r, String oldName, String via, String by, String locale, String accessCodeHash) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into name_change (number, state, uscc, old_name, new_name, applicant_name, applicant_mobile,
                  started_via, started_by, locale, access_code_hash, created_at)
                values (:number, :state, :uscc, :oldName, :newName, :applicantName, :mobile, :via, :by, :locale, :hash, :now)""")
                .param("number", number).param("state", NameChangeState.CHECKING.name()).param("uscc", r.uscc())
                .param("oldName", oldName).param("newName", r.newName()).param("applicantName", r.applicantName())
                .param("mobile", r.applicantMobile()).param("via", via).param("by", by).param("locale", locale)
                .param("hash", accessCodeHash).param("now", now())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean numberTaken(String number) {
        return jdbc.sql("select count(*) from name_change where number = :n").param("n", number).query(Integer.class).single() > 0;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void processStarted(long id, String processInstanceId) {
        jdbc.sql("update name_change set process_instance_id = :pid where id = :id").param("pid", processInstanceId)
                .param("id", id).update();
    }

    Optional<NameChangeCase> byNumber(String number) {
        return jdbc.sql("select * from name_change where number = :number").param("number", number)
                .query(NameChangeRecords::row).optional();
    }

    /** The code's name change still open, if any (the service refuses a second one). */
    Optional<NameChangeCase> openFor(String uscc) {
        return jdbc.sql("select * from name_change where uscc = :uscc and state in ('CHECKING', 'IN_REVIEW', 'AWAITING_LICENCE')")
                .param("uscc", uscc).query(NameChangeRecords::row).list().stream().findFirst();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void state(long id, NameChangeState state) {
        jdbc.sql("update name_change set state = :state where id = :id").param("state", state.name()).param("id", id).update();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void decided(long id, String reviewer, String text, String requestReason) {
        jdbc.sql("update name_change set reviewer = :by, decision_text = :text, request_reason = :reason where id = :id")
                .param("by", reviewer).param("text", text).param("reason", requestReason).param("id", id).update();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void renamed(long id, OffsetDateTime at) {
        jdbc.sql("update name_change set state = :state, renamed_at = :at where id = :id")
                .param("state", NameChangeState.RENAMED.name()).param("at", at).param("id", id).update();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void saveCheck(long id, String check, Outcome outcome, RuleMessage message) {
        jdbc.sql("delete from name_change_check where change_id = :id and check_name = :check")
                .param("id", id).param("check", check).update();
        jdbc.sql("""
                insert into name_change_check (change_id, check_name, outcome, message_key, arguments, checked_at)
                values (:id, :check, :outcome, :key, :args, :now)""")
                .param("id", id).param("check", check).param("outcome", outcome.name()).param("key", message.key())
                .param("args", message.arguments().stream().map(String::valueOf).collect(Collectors.joining("\u001f")))
                .param("now", now()).update();
    }

    List<Check> checks(long id) {
        return jdbc.sql("select check_name, outcome, message_key, arguments from name_change_check where change_id = :id order by id")
                .param("id", id)
                .query((rs, n) -> new Check(rs.getString(1), Outcome.valueOf(rs.getString(2)),
                        new RuleMessage(rs.getString(3), arguments(rs.getString(4)))))
                .list();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void event(long id, String kind, String actor, String detail, boolean applicantVisible) {
        jdbc.sql("""
                insert into name_change_event (change_id, occurred_at, kind, actor, detail, applicant_visible)
                values (:id, :now, :kind, :actor, :detail, :visible)""")
                .param("id", id).param("now", now()).param("kind", kind).param("actor", actor)
                .param("detail", detail == null ? null : detail.length() > 2000 ? detail.substring(0, 2000) : detail)
                .param("visible", applicantVisible).update();
    }

    List<Event> events(long id, boolean applicantOnly) {
        return jdbc.sql("select occurred_at, kind, actor, detail from name_change_event where change_id = :id"
                        + (applicantOnly ? " and applicant_visible = true" : "") + " order by occurred_at, id")
                .param("id", id)
                .query((rs, n) -> new Event(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    private static List<Object> arguments(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList((Object[]) joined.split("\u001f"));
    }

    private static NameChangeCase row(ResultSet rs, int n) throws SQLException {
        return new NameChangeCase(rs.getLong("id"), rs.getString("number"), NameChangeState.valueOf(rs.getString("state")),
                rs.getString("uscc"), rs.getString("old_name"), rs.getString("new_name"), rs.getString("applicant_name"),
                rs.getString("applicant_mobile"), rs.getString("started_via"), rs.getString("started_by"), rs.getString("locale"),
                rs.getString("access_code_hash"), rs.getString("process_instance_id"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("request_reason"), rs.getString("reviewer"), rs.getString("decision_text"),
                rs.getObject("renamed_at", OffsetDateTime.class));
    }
}
