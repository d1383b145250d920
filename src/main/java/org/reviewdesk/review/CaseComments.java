package org.reviewdesk.review;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.reviewdesk.rules.TextRules;
import org.reviewdesk.platform.AuditLog;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Internal comments of reviewers and supervisors on a case, for every process: kept per process
 * instance in the application's own table ({@code review_comment}), not in Camunda's comment table,
 * so they carry the author's display name, are bounded and indexed as we need, and survive the
 * engine's history clean-up. Reached through an open task: whoever may see the task
 * ({@link Inbox#find}) may read and add; anyone else is refused as if the task did not exist.
 */
@Service
public class CaseComments {

    static final int MAX_LENGTH = 2000;
    static final String AUDIT_ADD = "review.comment.add";
    /** A row of {@code select id, author, author_name, body, created_at from review_comment}. */
    static final RowMapper<CaseComment> ROW = (rs, n) -> new CaseComment(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getObject(5, OffsetDateTime.class));

    private final Inbox inbox;
    private final CaseAdapters adapters;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    CaseComments(Inbox inbox, CaseAdapters adapters, JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.inbox = inbox;
        this.adapters = adapters;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The case's comments, oldest first (the newest is read last, next to the field for a new one). */
    @Transactional(readOnly = true)
    public List<CaseComment> of(String taskId, CurrentUser user) {
        ReviewTask task = visibleTask(taskId, user);
        return jdbc.sql("""
                select id, author, author_name, body, created_at from review_comment
                where process_instance_id = :instance order by created_at, id""")
                .param("instance", task.processInstanceId())
                .query(ROW)
                .list();
    }

    /**
     * Adds a comment to the case of the task.
     *
     * @throws UserFacingException the text is empty ({@code review.comment.required}) or longer than
     *     {@value #MAX_LENGTH} characters ({@code review.comment.tooLong}); nothing was stored
     */
    @Transactional
    public CaseComment add(String taskId, String text, CurrentUser user) {
        ReviewTask task = visibleTask(taskId, user);
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new UserFacingException("review.comment.required");
        }
        if (TextRules.hasHiddenCharactersInLines(body)) {
            throw new UserFacingException(TextRules.HIDDEN);
        }
        if (body.length() > MAX_LENGTH) {
            throw new UserFacingException("review.comment.tooLong", MAX_LENGTH);
        }
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        String name = user.displayName() == null || user.displayName().isBlank() ? user.username() : user.displayName();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into review_comment (process_instance_id, case_ref, author, author_name, body, created_at)
                values (:instance, :caseRef, :author, :name, :body, :at)""")
                .param("instance", task.processInstanceId()).param("caseRef", task.caseRef())
                .param("author", user.username()).param("name", name.length() > 200 ? name.substring(0, 200) : name)
                .param("body", body).param("at", now)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record(user.username(), AUDIT_ADD, task.caseRef(), "comment " + id + " on task " + taskId);
        return new CaseComment(id, user.username(), name, body, now);
    }

    private ReviewTask visibleTask(String taskId, CurrentUser user) {
        if (user == null) {
            throw new AccessDeniedException("not signed in");
        }
        ReviewTask task = inbox.find(taskId, user).orElseThrow(() -> new UserFacingException("review.task.notFoundOrNotYours"));
        if (!adapters.works(user, task.processKey())) {
            throw new AccessDeniedException(user.username() + " does not work " + task.processKey());
        }
        if (task.processInstanceId() == null) {
            throw new UserFacingException("review.task.notFoundOrNotYours");
        }
        return task;
    }
}
