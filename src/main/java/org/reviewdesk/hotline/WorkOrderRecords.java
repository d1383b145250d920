package org.reviewdesk.hotline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reviewdesk.review.CaseEntry;
import org.reviewdesk.review.CaseIndex;
import org.reviewdesk.review.CasePhase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tables of process 4 ({@code V22__work_orders.sql}): the order and its timeline. Every write joins
 * the caller's transaction (the service's or the engine's), so it commits with the process step.
 */
@Component
class WorkOrderRecords {

    /** One row of {@code work_order}, the caller's mobile in full (masked only when shown). */
    record Row(long id, String number, WorkOrderState state, WorkOrderCategory category, IntakeChannel channel,
               String callerName, String callerMobile, String description, String uscc, String linkedRef,
               String representativeCase, String locale, String takenBy, OffsetDateTime createdAt, String processInstanceId,
               String knowledgeEntry, String identityCheckedBy, String identityCheck, String unitCode, String unitGroup,
               String dispatchedBy, OffsetDateTime dispatchedAt, OffsetDateTime signDue, String signedBy,
               OffsetDateTime signedAt, OffsetDateTime handleDue, boolean overdue, String extensionReason,
               LocalDate extensionUntil, String replyText, OffsetDateTime repliedAt, Satisfaction satisfaction,
               String callerWords, boolean reopened, OffsetDateTime closedAt, String mergedInto) {
    }

    private final JdbcClient jdbc;
    private final CaseIndex cases;

    WorkOrderRecords(JdbcClient jdbc, CaseIndex cases) {
        this.jdbc = jdbc;
        this.cases = cases;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long insert(String number, WorkOrderRequest r, String representativeCase, String locale, String by, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into work_order (number, state, category, channel, caller_name, caller_mobile, description, uscc,
                  linked_ref, representative_case, locale, taken_by, created_at, overdue, reopened)
                values (:number, :state, :category, :channel, :name, :mobile, :description, :uscc, :linked, :rep, :locale,
                  :by, :now, false, false)""")
                .param("number", number).param("state", WorkOrderState.AWAITING_DISPATCH.name())
                .param("category", r.category().name()).param("channel", r.channel().name())
                .param("name", r.callerName()).param("mobile", r.callerMobile()).param("description", r.description())
                .param("uscc", r.uscc()).param("linked", r.linkedRef()).param("rep", representativeCase)
                .param("locale", locale).param("by", by).param("now", now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        indexed(id);
        return id;
    }

    boolean numberTaken(String number) {
        return jdbc.sql("select count(*) from work_order where number = :n").param("n", number).query(Integer.class).single() > 0;
    }

    Optional<Row> byNumber(String number) {
        return jdbc.sql("select * from work_order where number = :number").param("number", number)
                .query(WorkOrderRecords::row).optional();
    }

    /** The order's row locked for this transaction (two agents merging or two handlers acting at once wait in turn). */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Row> lock(String number) {
        return jdbc.sql("select * from work_order where number = :number for update").param("number", number)
                .query(WorkOrderRecords::row).optional();
    }

    List<Row> forOrganisation(String uscc, int limit) {
        return jdbc.sql("select * from work_order where uscc = :uscc order by created_at desc, id desc")
                .param("uscc", uscc).query(WorkOrderRecords::row).list().stream().limit(limit).toList();
    }

    List<Row> forCaller(String mobile, int limit) {
        return jdbc.sql("select * from work_order where caller_mobile = :mobile order by created_at desc, id desc")
                .param("mobile", mobile).query(WorkOrderRecords::row).list().stream().limit(limit).toList();
    }

    List<String> mergedInto(String number) {
        return jdbc.sql("select number from work_order where merged_into = :number order by id").param("number", number)
                .query(String.class).list();
    }

    /** Sets columns of one order; the names are this class's callers' constants, never user input. */
    @Transactional(propagation = Propagation.MANDATORY)
    void set(long id, Map<String, Object> columns) {
        StringBuilder sql = new StringBuilder("update work_order set ");
        int i = 0;
        for (String column : columns.keySet()) {
            if (!column.matches("[a-z_]+")) {
                throw new IllegalArgumentException(column);
            }
            sql.append(i++ == 0 ? "" : ", ").append(column).append(" = :").append(column);
        }
        var spec = jdbc.sql(sql.append(" where id = :id").toString()).param("id", id);
        for (Map.Entry<String, Object> c : columns.entrySet()) {
            Object value = c.getValue() instanceof Enum<?> e ? e.name() : c.getValue();
            spec = spec.param(c.getKey(), value);
        }
        spec.update();
        if (columns.containsKey("state")) {
            indexed(id);
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void event(long id, String kind, String actor, String detail, OffsetDateTime now) {
        jdbc.sql("""
                insert into work_order_event (order_id, occurred_at, kind, actor, detail)
                values (:id, :now, :kind, :actor, :detail)""")
                .param("id", id).param("now", now).param("kind", kind).param("actor", actor)
                .param("detail", detail == null ? null : detail.length() > 2000 ? detail.substring(0, 2000) : detail)
                .update();
    }

    List<WorkOrder.Event> events(long id) {
        return jdbc.sql("select occurred_at, kind, actor, detail from work_order_event where order_id = :id order by occurred_at, id")
                .param("id", id)
                .query((rs, n) -> new WorkOrder.Event(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3),
                        rs.getString(4)))
                .list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String satisfaction = rs.getString("satisfaction");
        return new Row(rs.getLong("id"), rs.getString("number"), WorkOrderState.valueOf(rs.getString("state")),
                WorkOrderCategory.valueOf(rs.getString("category")), IntakeChannel.valueOf(rs.getString("channel")),
                rs.getString("caller_name"), rs.getString("caller_mobile"), rs.getString("description"), rs.getString("uscc"),
                rs.getString("linked_ref"), rs.getString("representative_case"), rs.getString("locale"), rs.getString("taken_by"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("process_instance_id"),
                rs.getString("knowledge_entry"), rs.getString("identity_checked_by"), rs.getString("identity_check"),
                rs.getString("unit_code"), rs.getString("unit_group"), rs.getString("dispatched_by"),
                rs.getObject("dispatched_at", OffsetDateTime.class), rs.getObject("sign_due", OffsetDateTime.class),
                rs.getString("signed_by"), rs.getObject("signed_at", OffsetDateTime.class),
                rs.getObject("handle_due", OffsetDateTime.class), rs.getBoolean("overdue"), rs.getString("extension_reason"),
                rs.getObject("extension_until", LocalDate.class), rs.getString("reply_text"),
                rs.getObject("replied_at", OffsetDateTime.class), satisfaction == null ? null : Satisfaction.valueOf(satisfaction),
                rs.getString("caller_words"), rs.getBoolean("reopened"), rs.getObject("closed_at", OffsetDateTime.class),
                rs.getString("merged_into"));
    }

    /** The order's row of the case search, after each change of its state (in the same transaction). */
    private void indexed(long id) {
        Row o = jdbc.sql("select * from work_order where id = :id").param("id", id).query(WorkOrderRecords::row).single();
        cases.record(new CaseEntry(WorkOrderProcess.KEY, o.number(), phase(o.state()), o.state().name(), o.state().messageKey(),
                o.uscc(), WorkOrders.clip(o.description().replaceAll("\\s+", " "), 80), o.createdAt(), o.createdAt(), null,
                o.closedAt()));
    }

    static CasePhase phase(WorkOrderState state) {
        return switch (state) {
            case ANSWERED, CLOSED -> CasePhase.COMPLETED;
            case MERGED -> CasePhase.ENDED;
            case AWAITING_DISPATCH, AWAITING_SIGN, HANDLING, EXTENSION_REQUESTED, AWAITING_CALLBACK -> CasePhase.IN_PROGRESS;
        };
    }
}
