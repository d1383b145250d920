package org.reviewdesk.review;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.security.access.AccessDeniedException;

/**
 * The SQL of one inbox question on the projection tables ({@code review_task t}, {@code review_task_group g}),
 * built without a database so that each plan-shaping choice is tested on its own. Every value is a named
 * parameter; nothing the user typed becomes SQL text.
 */
final class InboxSql {

    static final String COLUMNS = """
            t.task_id, t.process_key, t.process_instance_id, t.business_key, t.task_key, t.task_name, t.assignee,
            t.assigned_at, t.created_at, t.due_at, t.priority, t.case_ref, t.title, t.code, t.received_at, t.assigned_reason""";
    static final String IN_MY_GROUPS =
            "exists (select 1 from review_task_group g where g.task_id = t.task_id and g.group_id in (:groups))";
    /** Driven from the (group, assignee, due) index: the group's unclaimed tasks, not every task probed for its groups. */
    private static final String UNCLAIMED_IN_MY_GROUPS =
            " from review_task_group g where g.group_id in (:groups) and g.assignee is null";
    private static final String CREDIT_CODE = "[0-9A-Z]{18}";

    /**
     * Who asks.
     *
     * @param groups the user's Camunda groups, never empty ({@code in (:groups)} stays valid SQL)
     * @param supervised the processes the user supervises: their every open task is visible to the user
     */
    record Viewer(String username, List<String> groups, List<String> supervised) {

        Viewer {
            groups = groups.isEmpty() ? List.of("") : List.copyOf(groups);
            supervised = List.copyOf(supervised);
        }
    }

    /**
     * @param from the tables, {@code review_task t} joined to what drives the tab
     * @param order the order when the tab's driving index gives it; null for {@link #order}
     * @param tabCount a cheaper count of the same rows, when the query is the tab alone; else null
     */
    record Where(String from, String sql, String order, Map<String, Object> params, String tabCount) {

        String pageSql(InboxQuery.Sort sort) {
            return "select " + COLUMNS + " from " + from + " where " + sql + " order by "
                    + (order != null ? order : InboxSql.order(sort)) + " limit :limit offset :offset";
        }

        /**
         * The page with the groups each task is offered to, in one round trip: one row per task and group
         * ({@code offered_to} null for a task offered to none), in the page's order and by group within a
         * task. The page is cut first, so only its tasks are joined.
         */
        String pageWithGroupsSql(InboxQuery.Sort sort) {
            return "select p.*, o.group_id as offered_to from (" + pageSql(sort) + ") p"
                    + " left join review_task_group o on o.task_id = p.task_id order by "
                    + InboxSql.order(sort).replace("t.", "p.") + ", o.group_id";
        }

        String countSql() {
            return tabCount != null ? tabCount : "select count(*) from " + from + " where " + sql;
        }
    }

    private InboxSql() {
    }

    /**
     * @param isCaseRef whether an upper-cased search text is, whole, some process's case number (then it is
     *     looked up exactly, with no scan of the titles)
     * @throws AccessDeniedException the ALL tab or the assignee filter for a user who supervises no process
     */
    static Where where(InboxQuery query, Viewer viewer, OffsetDateTime now, Predicate<String> isCaseRef) {
        Map<String, Object> params = new HashMap<>();
        List<String> and = new ArrayList<>();
        params.put("me", viewer.username());
        params.put("groups", viewer.groups());
        String tabCount = null;
        String from = "review_task t";
        String order = null;
        switch (query.tab()) {
            case MINE -> and.add("t.assignee = :me");
            case UNCLAIMED -> {
                if (viewer.groups().size() == 1 && (query.sort() == null || query.sort() == InboxQuery.Sort.DUE)) {
                    // one group by due date, the usual reviewer's question: read the group's (assignee, due,
                    // task) index in order and stop after the page, instead of probing tasks by due date
                    from = "review_task_group g join review_task t on t.task_id = g.task_id";
                    and.add("g.group_id in (:groups) and g.assignee is null");
                    order = "g.due_at asc nulls last, g.task_id";
                } else {
                    and.add("t.assignee is null and t.task_id in (select g.task_id" + UNCLAIMED_IN_MY_GROUPS + ")");
                }
                // a task offered to two of my groups has two rows
                tabCount = "select " + (viewer.groups().size() == 1 ? "count(*)" : "count(distinct g.task_id)")
                        + UNCLAIMED_IN_MY_GROUPS;
            }
            case OVERDUE -> {
                String overdue = overdue("");
                // the few overdue ids first (two index ranges), then their rows: not every overdue task probed
                from = "(" + overdue + ") overdue join review_task t on t.task_id = overdue.task_id";
                tabCount = "select count(*) from (" + overdue + ") overdue";
                params.put("now", now);
            }
            case ALL -> {
                requireSupervisor(viewer);
                and.add("t.process_key in (:supervised)");
                params.put("supervised", viewer.supervised());
            }
        }
        int tabConditions = and.size();
        if (query.processKey() != null && !query.processKey().isBlank()) {
            and.add("t.process_key = :processKey");
            params.put("processKey", query.processKey());
        }
        if (query.dueBefore() != null) {
            and.add("t.due_at < :dueBefore");
            params.put("dueBefore", query.dueBefore());
        }
        addFilterClauses(query, viewer, and, params);
        String search = query.search() == null ? "" : query.search().strip();
        if (!search.isEmpty()) {
            String upper = search.toUpperCase(Locale.ROOT);
            params.put("exact", search);
            params.put("upper", upper);
            if (upper.matches(CREDIT_CODE) || isCaseRef.test(upper)) {
                // a number or code: two index lookups, no scan of the titles
                and.add("(t.case_ref in (:exact, :upper) or t.code = :upper)");
            } else {
                and.add("(t.case_ref in (:exact, :upper) or t.title_lower like :fragment escape '\\')");
                params.put("fragment", "%" + ReviewTaskProjection.lower(search).replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%");
            }
        }
        if (query.tab() == InboxTab.OVERDUE && and.size() == tabConditions
                && (query.sort() == null || query.sort() == InboxQuery.Sort.DUE)) {
            // the tab alone by due date: the page's ids come ordered from the two index ranges before the join,
            // else PostgreSQL hashed all 100,000 tasks to join a thousand overdue ids (92 ms; now 2 ms)
            from = "(select u.task_id from (" + overdue(", g.due_at") + ") u order by u.due_at asc nulls last, u.task_id"
                    + " limit (:limit + :offset)) overdue join review_task t on t.task_id = overdue.task_id";
        }
        // with no filter beyond the tab, UNCLAIMED and OVERDUE are counted from the group index alone
        return new Where(from, and.isEmpty() ? "1 = 1" : String.join(" and ", and), order, params,
                and.size() == tabConditions ? tabCount : null);
    }

    /** The ids (and, with {@code ", g.due_at"}, due dates) of the unclaimed tasks of my groups and of mine, overdue. */
    private static String overdue(String due) {
        return "select g.task_id" + due + UNCLAIMED_IN_MY_GROUPS + " and g.due_at < :now"
                + " union select m.task_id" + due.replace("g.", "m.") + " from review_task m where m.assignee = :me and m.due_at < :now";
    }

    /** The visibility of one task: assigned to the user, offered to one of their groups, or of a process they supervise. */
    static String visibleTask(Viewer viewer) {
        return "t.assignee = :me or " + IN_MY_GROUPS
                + (viewer.supervised().isEmpty() ? "" : " or t.process_key in (:supervised)");
    }

    /** The clauses of {@link InboxQuery#state()}, {@link InboxQuery#assignee()} and {@link InboxQuery#dueFrom()}. */
    private static void addFilterClauses(InboxQuery query, Viewer viewer, List<String> and, Map<String, Object> params) {
        if (query.state() == InboxQuery.ClaimState.CLAIMED) {
            and.add("t.assignee is not null");
        } else if (query.state() == InboxQuery.ClaimState.UNCLAIMED) {
            and.add("t.assignee is null");
        }
        if (query.assignee() != null && !query.assignee().isBlank()) {
            // who holds what is a supervisor's question; a worker's tabs already say what is theirs
            requireSupervisor(viewer);
            and.add("t.assignee = :filterAssignee");
            params.put("filterAssignee", query.assignee().strip());
        }
        if (query.dueFrom() != null) {
            and.add("t.due_at >= :dueFrom");
            params.put("dueFrom", query.dueFrom());
        }
    }

    static String order(InboxQuery.Sort sort) {
        return switch (sort == null ? InboxQuery.Sort.DUE : sort) {
            case DUE -> "t.due_at asc nulls last, t.task_id";
            case RECEIVED -> "t.received_at asc, t.task_id";
            case PRIORITY -> "t.priority desc, t.due_at asc nulls last, t.task_id";
        };
    }

    private static void requireSupervisor(Viewer viewer) {
        if (viewer.supervised().isEmpty()) {
            throw new AccessDeniedException(viewer.username() + " supervises no process");
        }
    }
}
