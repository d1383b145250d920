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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.reviewdesk.platform.AuditLog;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox on the projection tables. The user's groups always come from {@link CurrentUser#roles()}
 * and their handling units ({@link UserGroups});
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

    private final JdbcClient jdbc;
    private final TaskService tasks;
    private final HistoryService history;
    private final IdentityService identities;
    private final AuditLog audit;
    private final CaseAdapters adapters;
    private final Clock clock;
    private final BusinessTime time;
    private final UserGroups userGroups;

    InboxService(JdbcClient jdbc, TaskService tasks, HistoryService history, IdentityService identities, AuditLog audit,
                 CaseAdapters adapters, BusinessTime time, UserGroups userGroups) {
        this.userGroups = userGroups;
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.history = history;
        this.identities = identities;
        this.audit = audit;
        this.adapters = adapters;
        this.clock = time.clock();
        this.time = time;
    }

    // ---- reading ----------------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public List<ReviewTask> page(InboxQuery query, CurrentUser user) {
        InboxSql.Where where = where(query, user);
        int limit = Math.max(1, Math.min(query.limit(), MAX_LIMIT));
        int offset = Math.max(0, query.offset());
        var spec = jdbc.sql(where.pageWithGroupsSql(query.sort()));
        for (Map.Entry<String, Object> p : where.params().entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        Map<String, List<String>> groups = new HashMap<>();
        spec.param("limit", limit).param("offset", offset).query(rs -> {
            Row row = rows.get(rs.getString("task_id"));
            if (row == null) {
                row = row(rs, 0);
                rows.put(row.taskId(), row);
            }
            String group = rs.getString("offered_to");
            if (group != null) {
                groups.computeIfAbsent(row.taskId(), k -> new ArrayList<>()).add(group);
            }
        });
        return rows.values().stream().map(r -> r.toTask(groups.getOrDefault(r.taskId(), List.of()))).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public long count(InboxQuery query, CurrentUser user) {
        InboxSql.Where where = where(query, user);
        var spec = jdbc.sql(where.countSql());
        for (Map.Entry<String, Object> p : where.params().entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec.query(Long.class).single();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<InboxTab, Long> tabCounts(CurrentUser user) {
        Map<InboxTab, Long> counts = new EnumMap<>(InboxTab.class);
        for (InboxTab tab : InboxTab.values()) {
            if (tab != InboxTab.ALL || supervisesAny(user)) {
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

    /** Open tasks of one staff group: all, the unclaimed and the overdue among them. */
    record OpenInGroup(long open, long unclaimed, long overdue) {

        static final OpenInGroup NONE = new OpenInGroup(0, 0, 0);
    }

    /** Open tasks per staff group, for the supervisors' overview. */
    @Transactional(readOnly = true)
    Map<String, OpenInGroup> perGroup() {
        Map<String, OpenInGroup> counts = new LinkedHashMap<>();
        jdbc.sql("""
                select group_id, count(*), sum(case when assignee is null then 1 else 0 end),
                    sum(case when due_at < :now then 1 else 0 end)
                from review_task_group group by group_id""")
                .param("now", OffsetDateTime.now(clock))
                .query((rs, n) -> counts.put(rs.getString(1), new OpenInGroup(rs.getLong(2), rs.getLong(3), rs.getLong(4))))
                .list();
        return counts;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Colleague> candidates(Collection<String> taskIds, CurrentUser user) {
        requireSupervisesAny(user);
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
        requireSupervisesAny(user);
        List<String> holders = jdbc.sql("select distinct assignee from review_task where assignee is not null"
                        + " and process_key in (:supervised)")
                .param("supervised", adapters.supervised(user)).query(String.class).list();
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

    @Override
    public boolean supervises(CurrentUser user, String processKey) {
        return adapters.supervises(user, processKey);
    }

    @Override
    public boolean supervisesAny(CurrentUser user) {
        return !adapters.supervised(user).isEmpty();
    }

    @Override
    public List<CaseAdapter> processes(CurrentUser user) {
        List<String> worked = adapters.worked(user);
        return adapters.all().stream().filter(a -> worked.contains(a.processKey())).toList();
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
        if (!row.assignee.equals(user.username()) && !adapters.supervises(user, row.processKey)) {
            throw new UserFacingException("review.unclaim.notYours", displayName(row.assignee));
        }
        tasks.setAssignee(taskId, null);
        audit.record(user.username(), AUDIT_UNCLAIM, row.caseRef(), "task " + taskId + " (" + row.taskKey + ") from " + row.assignee);
    }

    @Override
    @Transactional
    public void assign(String taskId, String assignee, CurrentUser user) {
        requireSupervisesAny(user);
        Row row = lockedVisibleRow(taskId, user);
        if (!adapters.supervises(user, row.processKey)) {
            throw new AccessDeniedException(user.username() + " does not supervise " + row.processKey);
        }
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
        boolean couldSee = adapters.supervises(user, done.getProcessDefinitionKey()) || user.username().equals(done.getAssignee())
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
        InboxSql.Viewer viewer = viewer(user);
        var spec = jdbc.sql("select " + InboxSql.COLUMNS + " from review_task t where t.task_id = :id and ("
                        + InboxSql.visibleTask(viewer) + ")" + (lock ? " for update" : ""))
                .param("id", taskId)
                .param("me", viewer.username())
                .param("groups", viewer.groups());
        if (!viewer.supervised().isEmpty()) {
            spec = spec.param("supervised", viewer.supervised());
        }
        return spec.query(InboxService::row).optional();
    }

    private InboxSql.Viewer viewer(CurrentUser user) {
        return new InboxSql.Viewer(user.username(), groups(user), adapters.supervised(user));
    }

    private void requireSupervisesAny(CurrentUser user) {
        if (!supervisesAny(user)) {
            throw new AccessDeniedException(user.username() + " supervises no process");
        }
    }

    private InboxSql.Where where(InboxQuery query, CurrentUser user) {
        return InboxSql.where(query, viewer(user), OffsetDateTime.now(clock), adapters::isCaseRef);
    }

    /** The user's Camunda groups (roles and handling units); never empty, so {@code in (:groups)} stays valid SQL. */
    private List<String> groups(CurrentUser user) {
        return userGroups.of(user);
    }

    private List<String> groupsOf(String taskId) {
        return jdbc.sql("select group_id from review_task_group where task_id = :id").param("id", taskId)
                .query(String.class).list();
    }

    private String shown(OffsetDateTime at) {
        return StaffNames.time(at, time);
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
                rs.getString("title"), rs.getString("code"), rs.getObject("received_at", OffsetDateTime.class),
                AutoAssignment.AUTO.equals(rs.getString("assigned_reason")));
    }

    private record Row(String taskId, String processKey, String processInstanceId, String businessKey, String taskKey,
                       String taskName, String assignee, OffsetDateTime assignedAt, OffsetDateTime createdAt,
                       OffsetDateTime dueAt, int priority, String caseRef, String title, String code,
                       OffsetDateTime receivedAt, boolean autoAssigned) {

        ReviewTask toTask(List<String> groups) {
            return new ReviewTask(taskId, processKey, processInstanceId, businessKey, taskKey, taskName, groups, assignee,
                    createdAt, dueAt, priority, caseRef, title, code, receivedAt, autoAssigned);
        }
    }
}
