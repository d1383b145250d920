package org.reviewdesk.representative;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.reviewdesk.applicants.CaseLog;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.RuleMessage;
import org.reviewdesk.review.CaseEntry;
import org.reviewdesk.review.CaseIndex;
import org.reviewdesk.review.CasePhase;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tables of process 2 ({@code V17__representative.sql}): the case, its checks and its timeline
 * (the last two through {@link CaseLog}, shaped as every process's).
 * Every write joins the caller's transaction (a service's or the engine's), so it commits with the
 * process step that made it.
 */
@Component
class RepresentativeRecords {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final CaseLog log;
    private final CaseIndex cases;

    RepresentativeRecords(JdbcClient jdbc, DataSource dataSource, Clock clock, CaseIndex cases) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.cases = cases;
        this.log = new CaseLog(jdbc, clock, "representative_change_check", "representative_change_event", "change_id");
    }

    OffsetDateTime now() {
        return log.now();
    }

    /**
     * Inserts a new case holding the credit code open, or nothing when the database refuses it for a taken
     * number or an open case of the code (a start committing at the same moment): the refused statement is
     * undone alone, back to a savepoint, so the caller's transaction stays usable to tell which and draw
     * again. On PostgreSQL a refused statement aborts the whole transaction otherwise, and a work order's
     * intake shares that transaction ({@code WorkOrders.intakeRepresentativeChange}).
     *
     * @return the new case's id, or empty when refused
     */
    @Transactional(propagation = Propagation.MANDATORY)
    OptionalLong insertUnlessTaken(String number, ChangeRequest r, String uscc, String accountName, LegalPersonType type, String via, String by, String locale,
                String accessCodeHash) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        boolean inserted = undoneAloneIfTaken(() -> jdbc.sql("""
                insert into representative_change (number, state, uscc, open_uscc, account_name, legal_person_type, reason, reason_text,
                  rep_name, rep_id_type, rep_id_number, rep_mobile, contact_mobile, agent_applies, agent_name, agent_id_type,
                  agent_id_number, agent_mobile, started_via, started_by, locale, access_code_hash, created_at)
                values (:number, :state, :uscc, :uscc, :accountName, :type, :reason, :reasonText, :repName, :repIdType, :repIdNumber,
                  :repMobile, :contactMobile, :agentApplies, :agentName, :agentIdType, :agentIdNumber, :agentMobile, :via, :by,
                  :locale, :hash, :now)""")
                .param("number", number).param("state", ChangeState.AWAITING_DOCUMENTS.name()).param("uscc", uscc).param("accountName", accountName)
                .param("type", type.name()).param("reason", r.reason().name()).param("reasonText", r.reasonText())
                .param("repName", r.representativeName().strip()).param("repIdType", r.representativeIdType().name())
                .param("repIdNumber", r.representativeIdNumber().strip()).param("repMobile", r.representativeMobile().strip())
                .param("contactMobile", r.contactMobile().strip()).param("agentApplies", r.agentApplies())
                .param("agentName", r.agentApplies() ? r.agentName().strip() : null)
                .param("agentIdType", r.agentApplies() ? r.agentIdType().name() : null)
                .param("agentIdNumber", r.agentApplies() ? r.agentIdNumber().strip() : null)
                .param("agentMobile", r.agentApplies() ? r.agentMobile().strip() : null)
                .param("via", via).param("by", by).param("locale", locale).param("hash", accessCodeHash).param("now", now())
                .update(keys, "id"));
        if (!inserted) {
            return OptionalLong.empty();
        }
        long id = keys.getKey().longValue();
        indexed(id);
        return OptionalLong.of(id);
    }

    /** Runs one write under a savepoint of the transaction's connection; false, with the write undone, when a unique key refused it. */
    private boolean undoneAloneIfTaken(Runnable write) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Savepoint savepoint = connection.setSavepoint();
            try {
                write.run();
            } catch (DuplicateKeyException taken) {
                connection.rollback(savepoint);
                return false;
            }
            connection.releaseSavepoint(savepoint);
            return true;
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("The savepoint around a new case's insert failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    Optional<ChangeCase> byNumber(String number) {
        return jdbc.sql("select * from representative_change where number = :number").param("number", number)
                .query(RepresentativeRecords::row).optional();
    }

    Optional<ChangeCase> openFor(String uscc) {
        return jdbc.sql("select * from representative_change where open_uscc = :uscc").param("uscc", uscc)
                .query(RepresentativeRecords::row).optional();
    }

    List<ChangeCase> forCode(String uscc) {
        return jdbc.sql("select * from representative_change where uscc = :uscc and number is not null order by id desc")
                .param("uscc", uscc).query(RepresentativeRecords::row).list();
    }

    /** Moves the case to a state; a final state releases the credit code. */
    @Transactional(propagation = Propagation.MANDATORY)
    void state(long id, ChangeState state) {
        jdbc.sql("update representative_change set state = :state" + (state.isFinal() ? ", open_uscc = null" : "") + " where id = :id")
                .param("state", state.name()).param("id", id).update();
        indexed(id);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void submitted(long id, String processInstanceId) {
        jdbc.sql("update representative_change set state = :state, submitted_at = :now, process_instance_id = :pid where id = :id")
                .param("state", ChangeState.CHECKING.name()).param("now", now()).param("pid", processInstanceId).param("id", id).update();
        indexed(id);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void reviewStarted(long id, OffsetDateTime due) {
        jdbc.sql("""
                update representative_change set state = :state, review_due = :due, review_days_left = null,
                  supplement_slots = null, supplement_reason = null where id = :id""")
                .param("state", ChangeState.IN_REVIEW.name()).param("due", due).param("id", id).update();
        indexed(id);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void supplementRequested(long id, List<String> slots, String reason) {
        jdbc.sql("update representative_change set supplement_slots = :slots, supplement_reason = :reason where id = :id")
                .param("slots", String.join(",", slots)).param("reason", reason).param("id", id).update();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void awaitingSupplement(long id, int reviewDaysLeft) {
        jdbc.sql("update representative_change set state = :state, review_days_left = :left where id = :id")
                .param("state", ChangeState.AWAITING_SUPPLEMENT.name()).param("left", reviewDaysLeft).param("id", id).update();
        indexed(id);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void firstApproved(long id, String reviewer) {
        jdbc.sql("update representative_change set state = :state, first_reviewer = :by where id = :id")
                .param("state", ChangeState.AWAITING_SECOND_APPROVAL.name()).param("by", reviewer).param("id", id).update();
        indexed(id);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void secondApproved(long id, String approver) {
        jdbc.sql("update representative_change set second_approver = :by, decided_at = :now where id = :id")
                .param("by", approver).param("now", now()).param("id", id).update();
    }

    /** A rejection's text and who rejected it (the first reviewer or the second approver). */
    @Transactional(propagation = Propagation.MANDATORY)
    void rejectedBy(long id, String column, String by, String text) {
        String target = "first_reviewer".equals(column) ? "first_reviewer" : "second_approver";
        jdbc.sql("update representative_change set " + target + " = :by, decision_text = :text, decided_at = :now where id = :id")
                .param("by", by).param("text", text).param("now", now()).param("id", id).update();
        indexed(id);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void deregistered(long id, OffsetDateTime at) {
        jdbc.sql("update representative_change set state = :state, open_uscc = null, deregistered_at = :at where id = :id")
                .param("state", ChangeState.DEREGISTERED.name()).param("at", at).param("id", id).update();
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

    private static ChangeCase row(ResultSet rs, int n) throws SQLException {
        String agentIdType = rs.getString("agent_id_type");
        return new ChangeCase(rs.getLong("id"), rs.getString("number"), ChangeState.valueOf(rs.getString("state")),
                rs.getString("uscc"), rs.getString("account_name"), LegalPersonType.valueOf(rs.getString("legal_person_type")),
                ChangeReason.valueOf(rs.getString("reason")), rs.getString("reason_text"), rs.getString("rep_name"),
                IdType.valueOf(rs.getString("rep_id_type")), rs.getString("rep_id_number"), rs.getString("rep_mobile"),
                rs.getString("contact_mobile"), rs.getBoolean("agent_applies"), rs.getString("agent_name"),
                agentIdType == null ? null : IdType.valueOf(agentIdType), rs.getString("agent_id_number"),
                rs.getString("agent_mobile"), rs.getString("started_via"), rs.getString("started_by"), rs.getString("locale"),
                rs.getString("access_code_hash"), rs.getString("process_instance_id"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("submitted_at", OffsetDateTime.class),
                rs.getObject("review_due", OffsetDateTime.class), (Integer) rs.getObject("review_days_left"),
                rs.getString("supplement_slots"), rs.getString("supplement_reason"), rs.getString("first_reviewer"),
                rs.getString("second_approver"), rs.getString("decision_text"), rs.getObject("decided_at", OffsetDateTime.class),
                rs.getObject("deregistered_at", OffsetDateTime.class));
    }

    /** The case's row of the case search, after each change of its state (in the same transaction). */
    private void indexed(long id) {
        ChangeCase c = jdbc.sql("select * from representative_change where id = :id").param("id", id)
                .query(RepresentativeRecords::row).single();
        if (c.number() == null) {
            return;
        }
        boolean decided = c.state() == ChangeState.DEREGISTERED || c.state() == ChangeState.REJECTED;
        cases.record(new CaseEntry(RepresentativeProcess.KEY, c.number(), phase(c.state()), c.state().name(), c.state().messageKey(),
                c.uscc(), c.accountName(), c.createdAt(), c.submittedAt(),
                decided ? (c.secondApprover() != null ? c.secondApprover() : c.firstReviewer()) : null, c.decidedAt()));
    }

    static CasePhase phase(ChangeState state) {
        return switch (state) {
            case AWAITING_DOCUMENTS, AWAITING_SUPPLEMENT -> CasePhase.WAITING_APPLICANT;
            case DEREGISTERED -> CasePhase.COMPLETED;
            case REJECTED -> CasePhase.REJECTED;
            case STOPPED, WITHDRAWN -> CasePhase.ENDED;
            case CHECKING, IN_REVIEW, AWAITING_SECOND_APPROVAL -> CasePhase.IN_PROGRESS;
        };
    }
}
