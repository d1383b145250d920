package org.reviewdesk.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code outbox_message} table. Every state change after the insert is one conditional UPDATE,
 * so nodes sharing the database never need a lock of their own: the database serialises the
 * updates of a row and only the update whose condition still holds counts.
 */
@Repository
class OutboxRows {

    static final int MAX_BODY = 4000;
    static final int MAX_ERROR = 1000;

    /** What is due: waiting and its time has come, or held by a node whose lease ran out (presumed dead). */
    private static final String DUE = "((state = 'PENDING' and next_attempt_at <= :now) or (state = 'SENDING' and locked_until <= :now))";

    /** The message as claimed by this node. */
    private static final String HELD = "id = :id and state = 'SENDING' and locked_by = :node";

    private final JdbcClient jdbc;

    OutboxRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Channel channel, String recipient, String caseRef, String messageKey, String subject, String body,
                boolean sensitive, OffsetDateTime now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into outbox_message (channel, recipient, case_ref, message_key, subject, body, sensitive,
                                            state, attempts, next_attempt_at, created_at)
                values (:channel, :recipient, :caseRef, :messageKey, :subject, :body, :sensitive,
                        'PENDING', 0, :now, :now)""")
                .param("channel", channel.name())
                .param("recipient", recipient)
                .param("caseRef", caseRef)
                .param("messageKey", messageKey)
                .param("subject", subject)
                .param("body", body)
                .param("sensitive", sensitive)
                .param("now", now)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** Ids of due messages after {@code afterId}, in order, so a round walks the queue once. */
    List<Long> dueIds(long afterId, OffsetDateTime now, int limit) {
        return jdbc.sql("select id from outbox_message where id > :after and " + DUE + " order by id fetch first " + limit + " rows only")
                .param("after", afterId)
                .param("now", now)
                .query(Long.class)
                .list();
    }

    /**
     * Takes the message for {@code node} until now + lease, counting the attempt; empty when another
     * node took it first or it is no longer due.
     */
    Optional<OutboxMessage> claim(long id, String node, OffsetDateTime now, Duration lease) {
        int claimed = jdbc.sql("update outbox_message set state = 'SENDING', locked_by = :node, locked_until = :until, "
                        + "attempts = attempts + 1 where id = :id and " + DUE)
                .param("node", node)
                .param("until", now.plus(lease))
                .param("id", id)
                .param("now", now)
                .update();
        if (claimed != 1) {
            return Optional.empty();
        }
        return jdbc.sql("select id, channel, recipient, case_ref, message_key, subject, body, attempts "
                        + "from outbox_message where " + HELD)
                .param("id", id)
                .param("node", node)
                .query((rs, n) -> new OutboxMessage(rs.getLong("id"), Channel.valueOf(rs.getString("channel")),
                        rs.getString("recipient"), rs.getString("case_ref"), rs.getString("message_key"),
                        rs.getString("subject"), rs.getString("body"), rs.getInt("attempts")))
                .optional();
    }

    /**
     * Records the end of a message (SENT with its time, or FAILED): only the holder may, since a node
     * whose lease ran out has lost the message to another. A sensitive body is replaced by the note.
     */
    boolean finish(long id, String node, OutboxState state, OffsetDateTime sentAt, String error, String erasedNote) {
        return jdbc.sql("update outbox_message set state = :state, sent_at = :sentAt, locked_by = null, locked_until = null, "
                        + "last_error = :error, body = case when sensitive then :erased else body end where " + HELD)
                .param("state", state.name())
                .param("sentAt", sentAt)
                .param("error", error)
                .param("erased", erasedNote)
                .param("id", id)
                .param("node", node)
                .update() == 1;
    }

    /** Gives the message back to the queue, due again at {@code nextAttemptAt}. */
    boolean retryLater(long id, String node, OffsetDateTime nextAttemptAt, String error) {
        return jdbc.sql("update outbox_message set state = 'PENDING', next_attempt_at = :next, locked_by = null, "
                        + "locked_until = null, last_error = :error where " + HELD)
                .param("next", nextAttemptAt)
                .param("error", error)
                .param("id", id)
                .param("node", node)
                .update() == 1;
    }

    List<SentMessage> forCase(String caseRef) {
        return jdbc.sql("""
                select id, channel, recipient, subject, state, created_at, sent_at, attempts
                from outbox_message where case_ref = :caseRef order by created_at, id""")
                .param("caseRef", caseRef)
                .query(OutboxRows::sentMessage)
                .list();
    }

    long countFailed() {
        return jdbc.sql("select count(*) from outbox_message where state = 'FAILED'").query(Long.class).single();
    }

    private static SentMessage sentMessage(ResultSet rs, int row) throws SQLException {
        Channel channel = Channel.valueOf(rs.getString("channel"));
        return new SentMessage(rs.getLong("id"), channel, Recipients.mask(channel, rs.getString("recipient")),
                rs.getString("subject"), OutboxState.valueOf(rs.getString("state")),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("sent_at", OffsetDateTime.class),
                rs.getInt("attempts"));
    }
}
