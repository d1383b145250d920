package org.reviewdesk.namechange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.reviewdesk.applicants.CaseLog;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.RuleMessage;
import org.reviewdesk.review.CaseEntry;
import org.reviewdesk.review.CaseIndex;
import org.reviewdesk.review.CasePhase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tables of process 3 ({@code V18__name_change.sql}, {@code V20__name_change_open_case.sql}): the
 * case, its checks and its timeline (the last two through {@link CaseLog}, shaped as every process's).
 * Every write joins the caller's transaction (a service's or the engine's), so it commits with the
 * process step that made it. {@code open_uscc} holds the credit code while the case is open: the
 * database refuses a second open name change for a code, on every node.
 */
@Component
class NameChangeRecords {

    private final JdbcClient jdbc;
    private final CaseLog log;
    private final CaseIndex cases;

    NameChangeRecords(JdbcClient jdbc, Clock clock, CaseIndex cases) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.log = new CaseLog(jdbc, clock, "name_change_check", "name_change_event", "change_id");
    }

    OffsetDateTime now() {
        return log.now();
    }

    /**
     * Inserts a new case holding its credit code open, in {@code state} (STARTED while its licence is
     * awaited, CHECKING when submitted at once).
     *
     * @throws org.springframework.dao.DataIntegrityViolationException another open case holds the code
     */
    @Transactional(propagation = Propagation.MANDATORY)
    long insert(String number, NameChangeState state, NameChangeRequest r, String oldName, String via, String by, String locale,
                String accessCodeHash) {
        var keys = new GeneratedKeyHolder();
        OffsetDateTime now = now();
        jdbc.sql("""
                insert into name_change (number, state, uscc, open_uscc, old_name, new_name, applicant_name, applicant_mobile,
                  applicant_id_type, applicant_id_number, started_via, started_by, locale, access_code_hash, created_at, submitted_at)
                values (:number, :state, :uscc, :uscc, :oldName, :newName, :applicantName, :mobile, :idType, :idNumber, :via, :by,
                  :locale, :hash, :now, :submitted)""")
                .param("number", number).param("state", state.name()).param("uscc", r.uscc())
                .param("oldName", oldName).param("newName", r.newName()).param("applicantName", r.applicantName())
                .param("mobile", r.applicantMobile())
                .param("idType", r.applicantIdType() == null ? null : r.applicantIdType().name())
                .param("idNumber", r.applicantIdNumber()).param("via", via).param("by", by).param("locale", locale)
                .param("hash", accessCodeHash).param("now", now)
                .param("submitted", state == NameChangeState.STARTED ? null : now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        indexed(id);
        return id;
    }

    boolean numberTaken(String number) {
        return jdbc.sql("select count(*) from name_change where number = :n").param("n", number).query(Integer.class).single() > 0;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void processStarted(long id, String processInstanceId) {
        jdbc.sql("update name_change set process_instance_id = :pid where id = :id").param("pid", processInstanceId)
                .param("id", id).update();
    }

    /** A started case is submitted: CHECKING, its process started. */
    @Transactional(propagation = Propagation.MANDATORY)
    void submitted(long id, String processInstanceId) {
        jdbc.sql("update name_change set state = :state, submitted_at = :now, process_instance_id = :pid where id = :id")
                .param("state", NameChangeState.CHECKING.name()).param("now", now()).param("pid", processInstanceId)
                .param("id", id).update();
        indexed(id);
    }

    Optional<NameChangeCase> byNumber(String number) {
        return jdbc.sql("select * from name_change where number = :number").param("number", number)
                .query(NameChangeRecords::row).optional();
    }

    /** The case holding the code open, if any. */
    Optional<NameChangeCase> openFor(String uscc) {
        return jdbc.sql("select * from name_change where open_uscc = :uscc").param("uscc", uscc)
                .query(NameChangeRecords::row).optional();
    }

    /** Every case of the code, newest first. */
    List<NameChangeCase> forCode(String uscc) {
        return jdbc.sql("select * from name_change where uscc = :uscc order by id desc").param("uscc", uscc)
                .query(NameChangeRecords::row).list();
    }

    /** Moves the case to a state; a final state releases the credit code. */
    @Transactional(propagation = Propagation.MANDATORY)
    void state(long id, NameChangeState state) {
        jdbc.sql("update name_change set state = :state" + (state.isFinal() ? ", open_uscc = null" : "") + " where id = :id")
                .param("state", state.name()).param("id", id).update();
        indexed(id);
    }

    /** The review clock runs until {@code due}. */
    @Transactional(propagation = Propagation.MANDATORY)
    void reviewStarted(long id, OffsetDateTime due) {
        jdbc.sql("update name_change set state = :state, review_due = :due, review_days_left = null where id = :id")
                .param("state", NameChangeState.IN_REVIEW.name()).param("due", due).param("id", id).update();
        indexed(id);
    }

    /** The licence is asked for again: the review clock pauses with this many working days left. */
    @Transactional(propagation = Propagation.MANDATORY)
    void awaitingLicence(long id, int reviewDaysLeft) {
        jdbc.sql("update name_change set state = :state, review_days_left = :left where id = :id")
                .param("state", NameChangeState.AWAITING_LICENCE.name()).param("left", reviewDaysLeft).param("id", id).update();
        indexed(id);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void decided(long id, String reviewer, String text, String requestReason) {
        jdbc.sql("update name_change set reviewer = :by, decision_text = :text, request_reason = :reason where id = :id")
                .param("by", reviewer).param("text", text).param("reason", requestReason).param("id", id).update();
        indexed(id);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void renamed(long id, OffsetDateTime at) {
        jdbc.sql("update name_change set state = :state, open_uscc = null, renamed_at = :at where id = :id")
                .param("state", NameChangeState.RENAMED.name()).param("at", at).param("id", id).update();
        indexed(id);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void saveCheck(long id, String check, CaseLog.Outcome outcome, RuleMessage message) {
        log.saveCheck(id, check, outcome, message);
    }

    List<CaseLog.Check> checks(long id) {
        return log.checks(id);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void event(long id, String kind, String actor, String detail, boolean applicantVisible) {
        log.event(id, kind, actor, detail, applicantVisible);
    }

    List<CaseLog.Event> events(long id, boolean applicantOnly) {
        return log.events(id, applicantOnly);
    }

    private static NameChangeCase row(ResultSet rs, int n) throws SQLException {
        return new NameChangeCase(rs.getLong("id"), rs.getString("number"), NameChangeState.valueOf(rs.getString("state")),
                rs.getString("uscc"), rs.getString("old_name"), rs.getString("new_name"), rs.getString("applicant_name"),
                rs.getString("applicant_mobile"), rs.getString("started_via"), rs.getString("started_by"), rs.getString("locale"),
                rs.getString("access_code_hash"), rs.getString("process_instance_id"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("request_reason"), rs.getString("reviewer"), rs.getString("decision_text"),
                rs.getObject("renamed_at", OffsetDateTime.class), rs.getObject("submitted_at", OffsetDateTime.class),
                rs.getObject("review_due", OffsetDateTime.class), (Integer) rs.getObject("review_days_left"),
                rs.getString("applicant_id_type") == null ? null : IdType.valueOf(rs.getString("applicant_id_type")),
                rs.getString("applicant_id_number"));
    }

    /** The case's row of the case search, after each change of its state (in the same transaction). */
    private void indexed(long id) {
        NameChangeCase c = jdbc.sql("select * from name_change where id = :id").param("id", id).query(NameChangeRecords::row).single();
        boolean decided = c.state() == NameChangeState.RENAMED || c.state() == NameChangeState.REJECTED;
        cases.record(new CaseEntry(NameChangeProcess.KEY, c.number(), phase(c.state()), c.state().name(), c.state().messageKey(),
                c.uscc(), c.oldName() + " → " + c.newName(), c.createdAt(), c.submittedAt(), decided ? c.reviewer() : null,
                c.renamedAt()));
    }

    static CasePhase phase(NameChangeState state) {
        return switch (state) {
            case STARTED, AWAITING_LICENCE -> CasePhase.WAITING_APPLICANT;
            case RENAMED -> CasePhase.COMPLETED;
            case REJECTED -> CasePhase.REJECTED;
            case STOPPED, WITHDRAWN -> CasePhase.ENDED;
            case CHECKING, IN_REVIEW -> CasePhase.IN_PROGRESS;
        };
    }
}
