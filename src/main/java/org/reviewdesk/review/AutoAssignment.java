package org.reviewdesk.review;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.reviewdesk.platform.AuditLog;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Work distribution: a supervisor switches automatic assignment on for a process and one of its
 * groups (off by default); a new task of that process offered to that group then goes to the
 * least-loaded member of the group who is present today, never to whoever did the step the task's
 * four-eyes rule names. Nobody present: the task stays unassigned in the group, as without it.
 *
 * <p>The assignment is the task's create listener, so it happens in the transaction that creates the
 * task, on whichever node. The load is the number of open tasks each person holds in the inbox
 * projection, counted from the database after locking the present candidates' presence rows: two tasks
 * created at once on two nodes for overlapping people queue on those rows, and the second counts the
 * first's assignment once it commits, so they never both go to one person on a stale count.
 */
@Service
class AutoAssignment {

    static final String AUTO = "AUTO";
    static final String AUDIT_ASSIGNED = "review.autoAssign.assigned";
    static final String AUDIT_SWITCHED_ON = "review.autoAssign.on";
    static final String AUDIT_SWITCHED_OFF = "review.autoAssign.off";
    static final String AUDIT_PRESENT = "review.presence.present";
    static final String AUDIT_ABSENT = "review.presence.absent";

    private final JdbcClient jdbc;
    private final CaseAdapters adapters;
    private final AuditLog audit;
    private final BusinessTime time;

    AutoAssignment(JdbcClient jdbc, CaseAdapters adapters, AuditLog audit, BusinessTime time) {
        this.jdbc = jdbc;
        this.adapters = adapters;
        this.audit = audit;
        this.time = time;
    }

    /** One process and group a supervisor may switch, and whether it is on (who switched it last, when). */
    record Setting(String processKey, Role group, boolean on, String changedBy, OffsetDateTime changedAt) {
    }

    // ---- supervisors' settings ---------------------------------------------------------------------

    /** Every process the user supervises with each group that works it, and whether assignment is automatic there. */
    @Transactional(readOnly = true)
    List<Setting> settings(CurrentUser user) {
        List<String> supervised = adapters.supervised(user);
        if (supervised.isEmpty()) {
            throw new AccessDeniedException(user.username() + " supervises no process");
        }
        Map<String, Setting> on = new HashMap<>();
        jdbc.sql("select process_key, group_id, changed_by, changed_at from review_auto_assign where process_key in (:processes)")
                .param("processes", supervised)
                .query((rs, n) -> on.put(rs.getString(1) + "/" + rs.getString(2), new Setting(rs.getString(1), null, true,
                        rs.getString(3), rs.getObject(4, OffsetDateTime.class))))
                .list();
        List<Setting> settings = new ArrayList<>();
        for (CaseAdapter adapter : adapters.all()) {
            if (!supervised.contains(adapter.processKey())) {
                continue;
            }
            for (Role group : new TreeSet<>(adapter.handlers().workers())) {
                Setting s = on.get(adapter.processKey() + "/" + group.camundaGroup());
                settings.add(new Setting(adapter.processKey(), group, s != null,
                        s == null ? null : s.changedBy(), s == null ? null : s.changedAt()));
            }
        }
        return settings;
    }

    /**
     * Switches automatic assignment on or off for a process's group; only a supervisor of the process,
     * only for a group that works it. Audited.
     */
    @Transactional
    void switchTo(String processKey, Role group, boolean on, CurrentUser user) {
        if (user == null || !adapters.supervises(user, processKey)) {
            throw new AccessDeniedException((user == null ? "nobody" : user.username()) + " does not supervise " + processKey);
        }
        if (group == null || adapters.handlers(processKey).filter(h -> h.workers().contains(group)).isEmpty()) {
            throw new UserFacingException("review.autoAssign.notAGroupOfTheProcess");
        }
        jdbc.sql("delete from review_auto_assign where process_key = :process and group_id = :group")
                .param("process", processKey).param("group", group.camundaGroup()).update();
        if (on) {
            jdbc.sql("""
                    insert into review_auto_assign (process_key, group_id, changed_by, changed_at)
                    values (:process, :group, :by, :at)""")
                    .param("process", processKey).param("group", group.camundaGroup()).param("by", user.username())
                    .param("at", OffsetDateTime.now(time.clock())).update();
        }
        audit.record(user.username(), on ? AUDIT_SWITCHED_ON : AUDIT_SWITCHED_OFF, null, processKey + " / " + group.camundaGroup());
    }

    // ---- presence ----------------------------------------------------------------------------------

    /** Whether the user said they are present today. */
    @Transactional(readOnly = true)
    boolean isPresent(CurrentUser user) {
        return jdbc.sql("select count(*) from review_presence where username = :me and present_on = :today")
                .param("me", user.username()).param("today", time.today()).query(Long.class).single() > 0;
    }

    /** Who of the team said they are present today, for the supervisors' overview. */
    @Transactional(readOnly = true)
    Set<String> presentToday() {
        return new TreeSet<>(jdbc.sql("select username from review_presence where present_on = :today")
                .param("today", time.today()).query(String.class).list());
    }

    /** The user says they are present today (new tasks may be assigned to them automatically), or not. Audited. */
    @Transactional
    void setPresent(boolean present, CurrentUser user) {
        if (user == null || adapters.worked(user).isEmpty()) {
            throw new AccessDeniedException((user == null ? "nobody" : user.username()) + " works no process");
        }
        jdbc.sql("delete from review_presence where username = :me").param("me", user.username()).update();
        if (present) {
            jdbc.sql("insert into review_presence (username, present_on, changed_at) values (:me, :today, :at)")
                    .param("me", user.username()).param("today", time.today()).param("at", OffsetDateTime.now(time.clock()))
                    .update();
        }
        audit.record(user.username(), present ? AUDIT_PRESENT : AUDIT_ABSENT, null, time.today().toString());
    }

    // ---- the assignment ----------------------------------------------------------------------------

    /**
     * The create listener of a process's user task, run after the inbox projection's, inside the
     * engine's transaction.
     *
     * @param fourEyesAfter the earlier step whose completer may not take this task, or null
     */
    TaskListener listener(String processKey, String fourEyesAfter) {
        return task -> {
            if (task.getAssignee() == null) {
                assign(processKey, task, fourEyesAfter);
            }
        };
    }

    private void assign(String processKey, DelegateTask task, String fourEyesAfter) {
        List<String> offeredTo = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId()).distinct().toList();
        if (offeredTo.isEmpty()) {
            return;
        }
        List<String> automatic = jdbc.sql("select group_id from review_auto_assign where process_key = :process and group_id in (:groups)")
                .param("process", processKey).param("groups", offeredTo).query(String.class).list();
        if (automatic.isEmpty()) {
            return;
        }
        Set<String> members = new TreeSet<>();
        for (String group : automatic) {
            task.getProcessEngineServices().getIdentityService().createUserQuery().memberOfGroup(group).list().stream()
                    .map(User::getId).forEach(members::add);
        }
        members.removeAll(fourEyesExcluded(task, fourEyesAfter));
        if (members.isEmpty()) {
            return;
        }
        String chosen = choose(members);
        if (chosen == null) {
            return;
        }
        task.setAssignee(chosen);
        OffsetDateTime now = OffsetDateTime.now(time.clock());
        jdbc.sql("update review_task set assignee = :who, assigned_at = :at, assigned_reason = :reason where task_id = :id")
                .param("who", chosen).param("at", now).param("reason", AUTO).param("id", task.getId()).update();
        jdbc.sql("update review_task_group set assignee = :who where task_id = :id")
                .param("who", chosen).param("id", task.getId()).update();
        WrittenInTransaction.forget(task.getId());
        String caseRef = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        audit.record("system", AUDIT_ASSIGNED, caseRef, "task " + task.getId() + " (" + task.getTaskDefinitionKey() + ") to "
                + chosen + " of " + String.join(",", automatic));
    }

    private static Set<String> fourEyesExcluded(DelegateTask task, String fourEyesAfter) {
        return fourEyesAfter == null ? Set.of() : FourEyesRule.completers(task, fourEyesAfter);
    }

    /**
     * Of these candidates, the present one to give a new task, or null when nobody is present. Locks
     * the present candidates' presence rows until the calling transaction ends, so a second creation
     * for any of them waits and then counts this one's assignment; the rows are taken in username
     * order, so two creations never lock each other's rows crosswise.
     */
    String choose(Collection<String> candidates) {
        List<String> present = jdbc.sql("""
                        select username from review_presence where username in (:members) and present_on = :today
                        order by username for update""")
                .param("members", List.copyOf(candidates)).param("today", time.today()).query(String.class).list();
        return present.isEmpty() ? null : leastLoaded(present);
    }

    /**
     * Fewest open tasks held now (the projection, this transaction's own new task included); on a tie,
     * the one whose latest assignment is oldest, then by username, so equal colleagues take turns.
     */
    private String leastLoaded(List<String> present) {
        Map<String, Load> loads = new LinkedHashMap<>();
        present.forEach(p -> loads.put(p, new Load(p, 0, null)));
        jdbc.sql("select assignee, count(*), max(assigned_at) from review_task where assignee in (:present) group by assignee")
                .param("present", present)
                .query((rs, n) -> loads.put(rs.getString(1), new Load(rs.getString(1), rs.getLong(2),
                        rs.getObject(3, OffsetDateTime.class))))
                .list();
        return loads.values().stream().min(Comparator.comparingLong(Load::open)
                .thenComparing(Load::latest, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Load::username)).orElseThrow().username();
    }

    private record Load(String username, long open, OffsetDateTime latest) {
    }
}
