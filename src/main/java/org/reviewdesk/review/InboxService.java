package org.reviewdesk.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.reviewdesk.platform.AuditLog;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox on the projection tables. The user's groups always come from {@link CurrentUser#roles()};
 * a task the user may not see is absent ({@link #find}) or refused (the acts), never described.
 * Claim, unclaim and assign go through {@link TaskService}, whose task listeners update the
 * projection in the same transaction; each act locks the task's row first, so of two people claiming
 * at once the second is told who won.
 */
@Service
class InboxService implements Inbox {

    static final int MAX_LIMIT = 200;
    static final String AUDIT_CLAIM = "review.claim";
    static final String AUDIT_UNCLAIM = "review.unclaim";
    static final String AUDIT_ASSIGN = "review.assign";

    private static final String COLUMNS = """
            t.task_id, t.process_key, t.process_instance_id, t.business_key, t.task_key, t.task_name, t.assignee,
            t.assigned_at, t.created_at, t.due_at, t.priority, t.case_ref, t.title, t.code, t.received_at""";
    private static final String IN_MY_GROUPS =
            "exists (select 1 from review_task_group g where g.task_id = t.task_id and g.group_id in (:groups))";
    /** Driven from the (group, assignee, due) index: the group's unclaimed tasks, not every task probed for its groups. */
    private static final String UNCLAIMED_IN_MY_GROUPS =
            " from review_task_group g where g.group_id in (:groups) and g.assignee is null";
    /**
     * A search shaped like a credit code (18 letters and digits) or a case number (a short prefix and
     * at least 6 digits, as {@code RD20261128000123}) is matched exactly by index; anything else is
     * also looked for in the case titles, which is a scan.
     */
    private static final Pattern IDENTIFIER = Pattern.compile("[0-9A-Za-z]{18}|[A-Za-z]{1,4}-?\\d{6,}");

    private final JdbcClient jdbc;
    private final TaskService tasks;
    private final HistoryService history;
    private final IdentityService identities;
    private final AuditLog audit;
    private final CaseAdapters adapters;
    private final Clock clock;

    InboxService(JdbcClient jdbc, TaskService tasks, HistoryService history, IdentityService identities, AuditLog audit,
                 CaseAdapters adapters, Clock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.history = history;
        this.identities = identities;
        this.audit = audit;
        this.adapters = adapters;
        this.clock = clock;
    }

    // ---- reading ----------------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public List<ReviewTask> page(InboxQuery query, CurrentUser user) {
        Where where = where(query, user);
        int limit = Math.max(1, Math.min(query.limit(), MAX_LIMIT));
        int offset = Math.max(0, query.offset());
        var spec = jdbc.sql("select " + COLUMNS + " from " + where.from + " where " + where.sql + " order by "
                + (where.order != null ? where.order : order(query.sort())) + " limit :limit offset :offset");
        for (Map.Entry<String, Object> p : where.params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        List<Row> rows = spec.param("limit", limit).param("offset", offset).query(InboxService::row).list();
        return withGroups(rows);
    }

    @Override
    @Transactional(readOnly = true)
    public long count(InboxQuery query, CurrentUser user) {
        Where where = where(query, user);
        var spec = jdbc.sql(where.tabCount != null ? where.tabCount : "select count(*) from " + where.from + " where " + where.sql);
        for (Map.Entry<String, Object> p : where.params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec.query(Long.class).single();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<InboxTab, Long> tabCounts(CurrentUser user) {
        Map<InboxTab, Long> counts = new EnumMap<>(InboxTab.class);
        for (InboxTab tab : InboxTab.values()) {
            if (tab != InboxTab.ALL || user.has(Role.SUPERVISOR)) {
                counts.put(tab, count(InboxQuery.firstPage(tab), user));
            }
        }
        return counts;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ReviewTask> find(String taskId, CurrentUser user) {
        return visibleRow(taskId, user, false).map(row -> withGroups(List.of(row)).get(0));
    }

    /** Open tasks per staff group (open, unclaimed, overdue), for the supervisors' overview. */
    @Transactional(readOnly = true)
    Map<String, long[]> perGroup() {
        Map<String, long[]> counts = new LinkedHashMap<>();
        jdbc.sql("""
                select group_id, count(*), sum(case when assignee is null then 1 else 0 end),
                    sum(case when due_at < :now then 1 else 0 end)
                from review_task_group group by group_id""")
                .param("now", OffsetDateTime.now(clock))
                .query((rs, n) -> counts.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3), rs.getLong(4)}))
                .list();
        return counts;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Colleague> candidates(Collection<String> taskIds, CurrentUser user) {
        user.requireRole(Role.SUPERVISOR);
        if (taskIds.isEmpty()) {
            return List.of();
        }
        List<String> groups = jdbc.sql("select distinct group_id from review_task_group where task_id in (:ids)")
                .param("ids", List.copyOf(taskIds)).query(String.class).list();
        Map<String, Colleague> members = new HashMap<>();
        for (String group : groups) {
            identities.createUserQuery().memberOfGroup(group).list()
                    .forEach(u -> members.putIfAbsent(u.getId(), colleague(u.getId(), u.getFirstName())));
        }
        return Colleague.sorted(members.values());
    }

    @Override
    @Transactional(readOnly = true)
    public List<Colleague> assignees(CurrentUser user) {
        user.requireRole(Role.SUPERVISOR);
        List<String> holders = jdbc.sql("select distinct assignee from review_task where assignee is not null")
                .query(String.class).list();
        if (holders.isEmpty()) {
            return List.of();
        }
        Map<String, Colleague> found = new HashMap<>();
        holders.forEach(h -> found.put(h, colleague(h, null)));
        identities.createUserQuery().userIdIn(holders.toArray(String[]::new)).list()
                .forEach(u -> found.put(u.getId(), colleague(u.getId(), u.getFirstName())));
        return Colleague.sorted(found.values());
    }

    private static Colleague colleague(String username, String displayName) {
        return new Colleague(username, displayName == null || displayName.isBlank() ? username : displayName);
    }

    @Override
    public Optional<CaseAdapter> adapter(String processKey) {
        return adapters.of(processKey);
    }

    // ---- acts -------------------------------------------------------------------------------------

    @Override
    @Transactional
    public void claim(String taskId, CurrentUser user) {
        Row row = lockedVisibleRow(taskId, user);
        if (row.assignee != null) {
            if (row.assignee.equals(user.username())) {
                return;
            }
            throw new UserFacingException("review.task.alreadyHandled", displayName(row.assignee), shown(row.assignedAt));
        }
        if (!groupsOf(taskId).stream().anyMatch(groups(user)::contains)) {
            throw new AccessDeniedException(user.username() + " is no candidate of task " + taskId);
        }
        try {
            tasks.claim(taskId, user.username());
        } catch (RuntimeException e) {
            throw EngineRefusals.unwrap(e);
        }
        audit.record(user.username(), AUDIT_CLAIM, row.caseRef(), "task " + taskId + " (" + row.taskKey + ")");
    }

    @Override
    @Transactional
    public void unclaim(String taskId, CurrentUser user) {
        Row row = lockedVisibleRow(taskId, user);
        if (row.assignee == null) {
            throw new UserFacingException("review.unclaim.notClaimed");
        }
        if (!row.assignee.equals(user.username()) && !user.has(Role.SUPERVISOR)) {
            throw new UserFacingException("review.unclaim.notYours", displayName(row.assignee));
        }
        tasks.setAssignee(taskId, null);
        audit.record(user.username(), AUDIT_UNCLAIM, row.caseRef(), "task " + taskId + " (" + row.taskKey + ") from " + row.assignee);
    }

    @Override
    @Transactional
    public void assign(String taskId, String assignee, CurrentUser user) {
        user.requireRole(Role.SUPERVISOR);
        Row row = lockedVisibleRow(taskId, user);
        if (assignee == null || assignee.isBlank() || identities.createUserQuery().userId(assignee).count() == 0) {
            throw new UserFacingException("review.assign.unknownUser", assignee);
        }
        Set<String> theirGroups = identities.createGroupQuery().groupMember(assignee).list().stream()
                .map(Group::getId).collect(Collectors.toSet());
        if (groupsOf(taskId).stream().noneMatch(theirGroups::contains)) {
            throw new UserFacingException("review.assign.notCandidate", displayName(assignee));
        }
        if (assignee.equals(row.assignee)) {
            return;
        }
        try {
            tasks.setAssignee(taskId, assignee);
        } catch (RuntimeException e) {
            throw EngineRefusals.unwrap(e);
        }
        audit.record(user.username(), AUDIT_ASSIGN, row.caseRef(), "task " + taskId + " (" + row.taskKey + ") to " + assignee
                + (row.assignee == null ? "" : " from " + row.assignee));
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** The row, locked for this transaction, or the reason it cannot be acted on. */
    private Row lockedVisibleRow(String taskId, CurrentUser user) {
        Optional<Row> row = visibleRow(taskId, user, true);
        if (row.isPresent()) {
            return row.get();
        }
        if (jdbc.sql("select count(*) from review_task where task_id = :id").param("id", taskId).query(Long.class).single() > 0) {
            throw new AccessDeniedException(user.username() + " may not see task " + taskId);
        }
        throw ended(taskId, user);
    }

    /** A task no longer open: who completed it and when, if the user could have seen it. */
    private RuntimeException ended(String taskId, CurrentUser user) {
        HistoricTaskInstance done = taskId == null ? null
                : history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        if (done == null || done.getEndTime() == null) {
            return new UserFacingException("review.task.notFound");
        }
        Set<String> offeredTo = history.createHistoricIdentityLinkLogQuery().taskId(taskId)
                .type(IdentityLinkType.CANDIDATE).list().stream()
                .map(HistoricIdentityLinkLog::getGroupId).filter(g -> g != null).collect(Collectors.toSet());
        boolean couldSee = user.has(Role.SUPERVISOR) || user.username().equals(done.getAssignee())
                || offeredTo.stream().anyMatch(groups(user)::contains);
        if (!couldSee) {
            return new AccessDeniedException(user.username() + " may not see task " + taskId);
        }
        String at = shown(done.getEndTime().toInstant().atOffset(ZoneOffset.UTC));
        return done.getAssignee() == null
                ? new UserFacingException("review.task.alreadyClosed", at)
                : new UserFacingException("review.task.alreadyHandled", displayName(done.getAssignee()), at);
    }

    private Optional<Row> visibleRow(String taskId, CurrentUser user, boolean lock) {
        if (taskId == null) {
            return Optional.empty();
        }
        String visible = user.has(Role.SUPERVISOR) ? "" : " and (t.assignee = :me or " + IN_MY_GROUPS + ")";
        return jdbc.sql("select " + COLUMNS + " from review_task t where t.task_id = :id" + visible + (lock ? " for update" : ""))
                .param("id", taskId)
                .param("me", user.username())
                .param("groups", groups(user))
                .query(InboxService::row).optional();
    }

    private Where where(InboxQuery query, CurrentUser user) {
        Map<String, Object> params = new HashMap<>();
        List<String> and = new ArrayList<>();
        params.put("me", user.username());
        List<String> myGroups = groups(user);
        params.put("groups", myGroups);
        String tabCount = null;
        String from = "review_task t";
        String order = null;
        switch (query.tab()) {
            case MINE -> and.add("t.assignee = :me");
            case UNCLAIMED -> {
                if (myGroups.size() == 1 && (query.sort() == null || query.sort() == InboxQuery.Sort.DUE)) {
                    // one group by due date, the usual reviewer's question: read the group's (assignee, due,
                    // task) index in order and stop after the page, instead of probing tasks by due date
                    from = "review_task_group g join review_task t on t.task_id = g.task_id";
                    and.add("g.group_id in (:groups) and g.assignee is null");
                    order = "g.due_at asc nulls last, g.task_id";
                } else {
                    and.add("t.assignee is null and t.task_id in (select g.task_id" + UNCLAIMED_IN_MY_GROUPS + ")");
                }
                // a task offered to two of my groups has two rows
                tabCount = "select " + (myGroups.size() == 1 ? "count(*)" : "count(distinct g.task_id)") + UNCLAIMED_IN_MY_GROUPS;
            }
            case OVERDUE -> {
                String overdue = "select g.task_id" + UNCLAIMED_IN_MY_GROUPS + " and g.due_at < :now"
                        + " union select m.task_id from review_task m where m.assignee = :me and m.due_at < :now";
                // the few overdue ids first (two index ranges), then their rows: not every overdue task probed
                from = "(" + overdue + ") overdue join review_task t on t.task_id = overdue.task_id";
                tabCount = "select count(*) from (" + overdue + ") overdue";
                params.put("now", OffsetDateTime.now(clock));
            }
            case ALL -> user.requireRole(Role.SUPERVISOR);
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
        addFilterClauses(query, user, and, params);
        String search = query.search() == null ? "" : query.search().strip();
        if (!search.isEmpty()) {
            params.put("exact", search);
            params.put("upper", search.toUpperCase(Locale.ROOT));
            if (IDENTIFIER.matcher(search).matches()) {
                // a number or code: two index lookups, no scan of the titles
                and.add("(t.case_ref in (:exact, :upper) or t.code = :upper)");
            } else {
                and.add("(t.case_ref in (:exact, :upper) or t.title_lower like :fragment escape '\\')");
                params.put("fragment", "%" + ReviewTaskProjection.lower(search).replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%");
            }
        }
        // with no filter beyond the tab, UNCLAIMED and OVERDUE are counted from the group index alone
        return new Where(from, and.isEmpty() ? "1 = 1" : String.join(" and ", and), order, params,
                and.size() == tabConditions ? tabCount : null);
    }

    // ---- the filter bar's clauses: claim state, assignee, due from (kept apart from where()) --------

    /** Adds the clauses of {@link InboxQuery#state()}, {@link InboxQuery#assignee()} and {@link InboxQuery#dueFrom()}. */
    private static void addFilterClauses(InboxQuery query, CurrentUser user, List<String> and, Map<String, Object> params) {
        if (query.state() == InboxQuery.ClaimState.CLAIMED) {
            and.add("t.assignee is not null");
        } else if (query.state() == InboxQuery.ClaimState.UNCLAIMED) {
            and.add("t.assignee is null");
        }
        if (query.assignee() != null && !query.assignee().isBlank()) {
            // who holds what is a supervisor's question; a reviewer's tabs already say what is theirs
            user.requireRole(Role.SUPERVISOR);
            and.add("t.assignee = :filterAssignee");
            params.put("filterAssignee", query.assignee().strip());
        }
        if (query.dueFrom() != null) {
            and.add("t.due_at >= :dueFrom");
            params.put("dueFrom", query.dueFrom());
        }
    }

    private static String order(InboxQuery.Sort sort) {
        return switch (sort == null ? InboxQuery.Sort.DUE : sort) {
            case DUE -> "t.due_at asc nulls last, t.task_id";
            case RECEIVED -> "t.received_at asc, t.task_id";
            case PRIORITY -> "t.priority desc, t.due_at asc nulls last, t.task_id";
        };
    }

    /** The user's Camunda groups; never empty, so {@code in (:groups)} stays valid SQL. */
    static List<String> groups(CurrentUser user) {
        List<String> groups = user.roles().stream().map(Role::camundaGroup).sorted().toList();
        return groups.isEmpty() ? List.of("") : groups;
    }

    private List<String> groupsOf(String taskId) {
        return jdbc.sql("select group_id from review_task_group where task_id = :id").param("id", taskId)
                .query(String.class).list();
    }

    private static String shown(OffsetDateTime time) {
        return StaffNames.time(time);
    }

    private String displayName(String username) {
        return StaffNames.displayName(identities, username);
    }

    private List<ReviewTask> withGroups(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> groups = new HashMap<>();
        jdbc.sql("select task_id, group_id from review_task_group where task_id in (:ids) order by group_id")
                .param("ids", rows.stream().map(Row::taskId).toList())
                .query((rs, n) -> groups.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        return rows.stream().map(r -> r.toTask(groups.getOrDefault(r.taskId, List.of()))).toList();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("task_id"), rs.getString("process_key"), rs.getString("process_instance_id"),
                rs.getString("business_key"), rs.getString("task_key"), rs.getString("task_name"), rs.getString("assignee"),
                rs.getObject("assigned_at", OffsetDateTime.class), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("due_at", OffsetDateTime.class), rs.getInt("priority"), rs.getString("case_ref"),
                rs.getString("title"), rs.getString("code"), rs.getObject("received_at", OffsetDateTime.class));
    }

    /**
     * @param from the tables, {@code review_task t} joined to what drives the tab
     * @param order the order when the tab's driving index gives it; null for {@link #order}
     * @param tabCount a cheaper count of the same rows, when the query is the tab alone; else null
     */
    private record Where(String from, String sql, String order, Map<String, Object> params, String tabCount) {
    }

    private record Row(String taskId, String processKey, String processInstanceId, String businessKey, String taskKey,
                       String taskName, String assignee, OffsetDateTime assignedAt, OffsetDateTime createdAt,
                       OffsetDateTime dueAt, int priority, String caseRef, String title, String code,
                       OffsetDateTime receivedAt) {

        ReviewTask toTask(List<String> groups) {
            return new ReviewTask(taskId, processKey, processInstanceId, businessKey, taskKey, taskName, groups, assignee,
                    createdAt, dueAt, priority, caseRef, title, code, receivedAt);
        }
    }
}
