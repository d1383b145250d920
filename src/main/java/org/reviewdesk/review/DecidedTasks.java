package org.reviewdesk.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Decided work from the engine's task history: <b>a decision is a user task completed by its
 * assignee</b> ({@code ACT_HI_TASKINST} with {@code DELETE_REASON_ = 'completed'} and an
 * {@code ASSIGNEE_}). Only staff are ever assignees: a staff task is claimed before it is completed
 * (the inbox's and the services' rule), while an applicant's task (registration's
 * {@code supplement}) has neither candidate group nor assignee and is completed by the public
 * service without one, just as the inbox projection leaves it out. Tasks that ended otherwise
 * (instance deleted, an interrupting event) are no decisions.
 *
 * <p>Plain SQL on purpose: the figures are counts per assignee, and neither
 * {@code HistoricTaskInstanceQuery} (one count per person and period, or every row loaded) nor
 * Camunda's native query (it maps rows to task entities) can group. Every query is bounded by the
 * week on {@code END_TIME_}, which Camunda indexes ({@code ACT_IDX_HI_TASK_INST_END}, on H2 and
 * PostgreSQL), so the cost follows the week's completions, not the million tasks of history.
 * Times are passed as {@link Timestamp}s, as the engine writes them.
 *
 * <p>A request for documents is no finished decision: the outcome of a reviewing process's decision
 * ({@code review_outcome}, written at completion, joined by task id) tells the kinds apart; a
 * completed task without one (another process's step, or a decision from before the table existed)
 * counts as finished.
 */
@Component
class DecidedTasks {

    private static final String WEEK = """
            from ACT_HI_TASKINST t left join review_outcome o on o.task_id = t.ID_
            where t.END_TIME_ >= :weekStart and t.END_TIME_ < :weekEnd
              and t.DELETE_REASON_ = 'completed' and t.ASSIGNEE_ is not null""";
    private static final String TODAY = "t.END_TIME_ >= :dayStart and t.END_TIME_ < :dayEnd";
    private static final String FINISHED = "(o.outcome is null or o.outcome <> 'DOCUMENTS_REQUESTED')";
    /** Finished decisions, approvals, rejections and requests for documents: today's four, then the week's. */
    private static final String COUNTS = String.join(", ",
            when(TODAY + " and " + FINISHED), when(TODAY + " and o.outcome = 'APPROVED'"),
            when(TODAY + " and o.outcome = 'REJECTED'"), when(TODAY + " and o.outcome = 'DOCUMENTS_REQUESTED'"),
            when(FINISHED), when("o.outcome = 'APPROVED'"), when("o.outcome = 'REJECTED'"),
            when("o.outcome = 'DOCUMENTS_REQUESTED'")) + " ";

    private final JdbcClient jdbc;

    DecidedTasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Decided today and this week, per assignee, in these processes. */
    Map<String, Decided> perAssignee(DecisionPeriod period, List<String> processKeys) {
        Map<String, Decided> decided = new LinkedHashMap<>();
        if (processKeys.isEmpty()) {
            return decided;
        }
        bind(jdbc.sql("select t.ASSIGNEE_, " + COUNTS + WEEK + " and t.PROC_DEF_KEY_ in (:processes) group by t.ASSIGNEE_"), period)
                .param("processes", processKeys)
                .query((rs, n) -> decided.put(rs.getString(1), decided(rs, 2)))
                .list();
        return decided;
    }

    /** Decided today and this week by one person. */
    Decided of(String assignee, DecisionPeriod period) {
        return bind(jdbc.sql("select " + COUNTS + WEEK + " and t.ASSIGNEE_ = :assignee"), period)
                .param("assignee", assignee)
                .query((rs, n) -> decided(rs, 1))
                .single();
    }

    private static String when(String condition) {
        return "sum(case when " + condition + " then 1 else 0 end)";
    }

    private static Decided decided(ResultSet rs, int first) throws SQLException {
        return new Decided(new Outcomes(rs.getLong(first), rs.getLong(first + 1), rs.getLong(first + 2), rs.getLong(first + 3)),
                new Outcomes(rs.getLong(first + 4), rs.getLong(first + 5), rs.getLong(first + 6), rs.getLong(first + 7)));
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, DecisionPeriod period) {
        return spec.param("dayStart", Timestamp.from(period.dayStart()))
                .param("dayEnd", Timestamp.from(period.dayEnd()))
                .param("weekStart", Timestamp.from(period.weekStart()))
                .param("weekEnd", Timestamp.from(period.weekEnd()));
    }

    /** Today's and the week's outcomes. */
    record Decided(Outcomes today, Outcomes thisWeek) {
        static final Decided NONE = new Decided(Outcomes.NONE, Outcomes.NONE);

        Decided plus(Decided other) {
            return new Decided(today.plus(other.today), thisWeek.plus(other.thisWeek));
        }
    }
}
