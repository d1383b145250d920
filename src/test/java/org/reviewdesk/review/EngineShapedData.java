package org.reviewdesk.review;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark data in the shape the engine makes, at a volume the engine would take hours to make:
 * every row the engine wrote for a template instance (runtime and history tables) is copied
 * {@code n} times with SQL. Each copy's ids, and every column holding one of the template's ids,
 * get the suffix {@code -i}, so references between the copies' rows stay consistent; a few columns
 * (assignee, group, due date, variable values, end times) are spread per copy. Works on PostgreSQL
 * and H2.
 */
final class EngineShapedData {

    /** The engine-made template instances: one open, one completed. */
    record Templates(String openInstance, String openTask, String openBusinessKey, String closedInstance,
                     String closedTask, String closedBusinessKey) {
    }

    private static final String[][] INSTANCE_TABLES = {
            {"ACT_RU_EXECUTION", "PROC_INST_ID_"}, {"ACT_RU_TASK", "PROC_INST_ID_"}, {"ACT_RU_VARIABLE", "PROC_INST_ID_"},
            {"ACT_HI_PROCINST", "PROC_INST_ID_"}, {"ACT_HI_ACTINST", "PROC_INST_ID_"}, {"ACT_HI_TASKINST", "PROC_INST_ID_"},
            {"ACT_HI_VARINST", "PROC_INST_ID_"}, {"ACT_HI_DETAIL", "PROC_INST_ID_"}};
    private static final String[][] TASK_TABLES = {{"ACT_RU_IDENTITYLINK", "TASK_ID_"}, {"ACT_HI_IDENTITYLINK", "TASK_ID_"}};

    private final JdbcClient jdbc;
    private final boolean h2;

    EngineShapedData(JdbcClient jdbc, boolean h2) {
        this.jdbc = jdbc;
        this.h2 = h2;
    }

    void generate(Templates templates, int open, int done) {
        Map<String, String> openSpread = Map.of(
                "ACT_RU_TASK.ASSIGNEE_", assignee(), "ACT_RU_TASK.DUE_DATE_", due(), "ACT_RU_TASK.CREATE_TIME_", created(),
                "ACT_HI_TASKINST.ASSIGNEE_", assignee(), "ACT_HI_TASKINST.DUE_DATE_", due(),
                "ACT_HI_TASKINST.START_TIME_", created(),
                "ACT_RU_IDENTITYLINK.GROUP_ID_", "case when src.GROUP_ID_ is null then null else " + group() + " end",
                "ACT_HI_IDENTITYLINK.GROUP_ID_", "case when src.GROUP_ID_ is null then null else " + group() + " end",
                "ACT_RU_VARIABLE.TEXT_", variableValue(), "ACT_HI_VARINST.TEXT_", variableValue());
        Map<String, String> closedSpread = new LinkedHashMap<>(Map.of(
                "ACT_HI_TASKINST.ASSIGNEE_", "'user' || cast(mod(s.i, 50) + 1 as varchar)",
                "ACT_HI_TASKINST.START_TIME_", minutesAgo("mod(s.i, 525600) + 60"),
                "ACT_HI_TASKINST.END_TIME_", minutesAgo("mod(s.i, 525600)"),
                "ACT_HI_PROCINST.START_TIME_", minutesAgo("mod(s.i, 525600) + 120"),
                "ACT_HI_PROCINST.END_TIME_", minutesAgo("mod(s.i, 525600)"),
                "ACT_HI_IDENTITYLINK.GROUP_ID_", "case when src.GROUP_ID_ is null then null else " + group() + " end",
                "ACT_HI_VARINST.TEXT_", variableValue(), "ACT_HI_DETAIL.TEXT_", variableValue()));
        openSpread = new LinkedHashMap<>(openSpread);
        openSpread.put("ACT_HI_DETAIL.TEXT_", variableValue());
        copy(templates.openInstance(), templates.openTask(), templates.openBusinessKey(), open, openSpread);
        copy(templates.closedInstance(), templates.closedTask(), templates.closedBusinessKey(), done, closedSpread);
        projection(templates, open);
        analyze();
    }

    /** The same open tasks in the inbox's projection, as {@link ReviewTaskProjection} writes them. */
    private void projection(Templates templates, int n) {
        jdbc.sql("delete from review_task where process_key = :key").param("key", InboxBenchmark.PROCESS).update();
        jdbc.sql("insert into review_task (task_id, process_key, process_instance_id, business_key, task_key, task_name,"
                        + " assignee, assigned_at, created_at, due_at, priority, case_ref, title, title_lower, code, received_at)"
                        + " select " + suffixed("'" + templates.openTask() + "'") + ", '" + InboxBenchmark.PROCESS + "', "
                        + suffixed("'" + templates.openInstance() + "'") + ", " + suffixed("'" + templates.openBusinessKey() + "'")
                        + ", 'review', '人工审核', " + assignee() + ", case when " + claimed() + " then " + created() + " end, "
                        + created() + ", " + due() + ", 50, 'RD2026' || lpad(cast(s.i as varchar), 9, '0'), " + name()
                        + ", " + name() + ", " + code() + ", " + created() + " from " + series(n))
                .update();
        jdbc.sql("insert into review_task_group (task_id, group_id, assignee, due_at)"
                        + " select " + suffixed("'" + templates.openTask() + "'") + ", " + group() + ", " + assignee() + ", "
                        + due() + " from " + series(n))
                .update();
    }

    private void copy(String instance, String task, String businessKey, int n, Map<String, String> spread) {
        List<Template> rows = new ArrayList<>();
        Set<String> ids = new HashSet<>(List.of(instance, task, businessKey));
        for (String[] table : INSTANCE_TABLES) {
            rows.addAll(templates(table[0], table[1], instance));
        }
        for (String[] table : TASK_TABLES) {
            rows.addAll(templates(table[0], table[1], task));
        }
        rows.forEach(row -> ids.add(row.id()));
        for (Template row : rows) {
            List<String> columns = new ArrayList<>();
            List<String> values = new ArrayList<>();
            row.values().forEach((column, value) -> {
                columns.add(column);
                String spreadExpression = spread.get(row.table() + "." + column);
                values.add(spreadExpression != null ? spreadExpression
                        : value instanceof String text && ids.contains(text) ? suffixed("src." + column) : "src." + column);
            });
            long start = System.nanoTime();
            jdbc.sql("insert into " + row.table() + " (" + String.join(", ", columns) + ") select " + String.join(", ", values)
                    + " from " + row.table() + " src cross join " + series(n) + " where src.ID_ = :id")
                    .param("id", row.id()).update();
            System.out.printf("  %,d rows into %s in %.1f s%n", n, row.table(), (System.nanoTime() - start) / 1e9);
        }
    }

    private List<Template> templates(String table, String column, String value) {
        return jdbc.sql("select * from " + table + " where " + column + " = :value").param("value", value)
                .query((ResultSet rs, int n) -> {
                    ResultSetMetaData meta = rs.getMetaData();
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        values.put(meta.getColumnName(c).toUpperCase(Locale.ROOT), rs.getObject(c));
                    }
                    return new Template(table, (String) values.get("ID_"), values);
                }).list();
    }

    /**
     * What autovacuum does after a bulk insert, done before the timings instead of during them: the
     * statistics, and the visibility map that lets index-only scans skip the table (right after the inserts
     * every index-only scan visited the heap, and autovacuum's passes over a million history rows took a
     * core while the questions were timed).
     */
    private void analyze() {
        if (!h2) {
            for (String table : List.of("ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_RU_IDENTITYLINK",
                    "ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST", "ACT_HI_DETAIL",
                    "ACT_HI_IDENTITYLINK", "review_task", "review_task_group")) {
                jdbc.sql("vacuum analyze " + table).update();
            }
        }
    }

    private record Template(String table, String id, Map<String, Object> values) {
    }

    // ---- the spread, per copy s.i ------------------------------------------------------------------

    static String code(int i) {
        return InboxBenchmark.CODE_PREFIX + String.format("%08d", i);
    }

    private String code() {
        return "'" + InboxBenchmark.CODE_PREFIX + "' || lpad(cast(s.i as varchar), 8, '0')";
    }

    private static String name() {
        return "'深圳市示例科技' || cast(s.i as varchar) || '有限公司'";
    }

    private String variableValue() {
        return "case src.NAME_ when 'creditCode' then " + code() + " when 'enterpriseName' then " + name() + " else src.TEXT_ end";
    }

    /** 20 groups: reviewers, supervisors, g03..g20. */
    private static String group() {
        return "case mod(s.i, 20) when 0 then 'reviewers' when 1 then 'supervisors'"
                + " else 'g' || lpad(cast(mod(s.i, 20) + 1 as varchar), 2, '0') end";
    }

    /** A fifth of every group claimed, by user1..user50. */
    private static String claimed() {
        return "mod(s.i / 20, 5) = 0";
    }

    private static String assignee() {
        return "case when " + claimed() + " then 'user' || cast(mod(s.i, 50) + 1 as varchar) end";
    }

    /**
     * A tenth overdue by a day, the rest due within 8 days of creation, independently of the group
     * ({@code i mod 20}) and of being claimed ({@code i / 20 mod 5}).
     */
    private String due() {
        return minutesAgo("(1 - mod(s.i / 100, 10)) * 1440 + mod(s.i, 1000)");
    }

    private String created() {
        return minutesAgo("mod(s.i, 1000)");
    }

    private String minutesAgo(String minutes) {
        return h2 ? "dateadd('MINUTE', -(" + minutes + "), localtimestamp)"
                : "(localtimestamp - (" + minutes + ") * interval '1 minute')";
    }

    private static String suffixed(String expression) {
        return expression + " || '-' || cast(s.i as varchar)";
    }

    private String series(int n) {
        return h2 ? "(select x as i from system_range(1, " + n + ")) s" : "generate_series(1, " + n + ") as s(i)";
    }
}
