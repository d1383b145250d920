package org.reviewdesk.review;

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
 */
@Component
class DecidedTasks {

    private static final String WEEK = """
            from ACT_HI_TASKINST
            where END_TIME_ >= :weekStart and END_TIME_ < :weekEnd
              and DELETE_REASON_ = 'completed' and ASSIGNEE_ is not null""";
    private static final String COUNTS = "sum(case when END_TIME_ >= :dayStart and END_TIME_ < :dayEnd then 1 else 0 end), count(*) ";

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
        bind(jdbc.sql("select ASSIGNEE_, " + COUNTS + WEEK + " and PROC_DEF_KEY_ in (:processes) group by ASSIGNEE_"), period)
                .param("processes", processKeys)
                .query((rs, n) -> decided.put(rs.getString(1), new Decided(rs.getLong(2), rs.getLong(3))))
                .list();
        return decided;
    }

    /** Decided today and this week by one person. */
    Decided of(String assignee, DecisionPeriod period) {
        return bind(jdbc.sql("select " + COUNTS + WEEK + " and ASSIGNEE_ = :assignee"), period)
                .param("assignee", assignee)
                .query((rs, n) -> new Decided(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, DecisionPeriod period) {
        return spec.param("dayStart", Timestamp.from(period.dayStart()))
                .param("dayEnd", Timestamp.from(period.dayEnd()))
                .param("weekStart", Timestamp.from(period.weekStart()))
                .param("weekEnd", Timestamp.from(period.weekEnd()));
    }

    record Decided(long today, long thisWeek) {
        static final Decided NONE = new Decided(0, 0);
    }
}
