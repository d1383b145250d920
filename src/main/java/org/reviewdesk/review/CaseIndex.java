package org.reviewdesk.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.reviewdesk.platform.AuditLog;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case search over every process's cases in any state ({@code review_case}, V29): each process
 * writes its cases' rows through {@link #record} in the transaction that creates a case or changes its
 * state, as the inbox's projection is written by the engine's task events. Staff search it by number,
 * credit code or a fragment of the name, filter by process, phase, day received and who decided, and
 * open a case read-only. The engine's services are looked up when asked: the processes' records use
 * this bean, and the engine is built from beans that reach them.
 *
 * <p>Who sees what: a user sees the cases of the processes whose {@link Handlers} include one of their
 * roles (supervisors included); a window clerk or an administrator sees none. Every open of a case page
 * is audited ({@value #AUDIT_VIEW}), as document views are.
 *
 * <p>A number and a credit code are exact index lookups. A name fragment is {@code title_lower like
 * '%…%'}; on PostgreSQL it also asks V29.1's bigram index for every two-character piece of the fragment,
 * so the LIKE only rechecks the few rows the index gives.
 */
@Service
public class CaseIndex {

    static final String AUDIT_VIEW = "review.case.view";
    static final int MIN_FRAGMENT = 2;
    private static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-Z]{18}");
    /** A fragment must hold two characters side by side that are not blank, or it asks the index for nothing. */
    private static final Pattern TWO_CHARACTERS = Pattern.compile("\\S{2}");

    private final JdbcClient jdbc;
    private final CaseAdapters adapters;
    private final AuditLog audit;
    private final BusinessTime time;
    private final ObjectProvider<IdentityService> identities;
    private final ObjectProvider<Inbox> inbox;
    private final Clock clock;
    private final boolean bigrams;

    CaseIndex(JdbcClient jdbc, CaseAdapters adapters, AuditLog audit, BusinessTime time, ObjectProvider<IdentityService> identities,
              ObjectProvider<Inbox> inbox, Clock clock,
              DataSource dataSource) throws Exception {
        this.jdbc = jdbc;
        this.adapters = adapters;
        this.audit = audit;
        this.time = time;
        this.identities = identities;
        this.inbox = inbox;
        this.clock = clock;
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, meta -> meta.getDatabaseProductName());
        this.bigrams = "PostgreSQL".equalsIgnoreCase(product);
    }

    /**
     * Writes a case's row (insert or update), in the caller's transaction: the process's own write and
     * this one commit together.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(CaseEntry e) {
        String title = clip(e.title(), 500);
        jdbc.sql("""
                merge into review_case c using (select cast(:ref as varchar(100)) as case_ref) s on c.case_ref = s.case_ref
                when matched then update set process_key = :process, phase = :phase, state = :state, state_key = :stateKey,
                  code = :code, title = :title, title_lower = :titleLower, created_at = :created, received_at = :received,
                  decided_by = :decidedBy, decided_at = :decidedAt, updated_at = :now
                when not matched then insert (case_ref, process_key, phase, state, state_key, code, title, title_lower,
                  created_at, received_at, decided_by, decided_at, updated_at)
                  values (:ref, :process, :phase, :state, :stateKey, :code, :title, :titleLower, :created, :received,
                  :decidedBy, :decidedAt, :now)""")
                .param("ref", e.caseRef()).param("process", e.processKey()).param("phase", e.phase().name())
                .param("state", e.state()).param("stateKey", e.stateKey())
                .param("code", e.code() == null ? null : e.code().toUpperCase(Locale.ROOT))
                .param("title", title).param("titleLower", title == null ? null : title.toLowerCase(Locale.ROOT))
                .param("created", e.createdAt()).param("received", e.receivedAt())
                .param("decidedBy", e.decidedBy()).param("decidedAt", e.decidedAt())
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    /**
     * One page of the cases the user may see, newest first.
     *
     * @throws UserFacingException a name fragment shorter than two characters ({@code review.cases.fragmentTooShort})
     * @throws AccessDeniedException the user works no process, or asks for one they do not
     */
    @Transactional(readOnly = true)
    public List<CaseEntry> search(CaseQuery query, int offset, int limit, CurrentUser user) {
        List<String> processes = visibleProcesses(user);
        if (query.processKey() != null) {
            if (!processes.contains(query.processKey())) {
                throw new AccessDeniedException(user.username() + " may not search " + query.processKey());
            }
            processes = List.of(query.processKey());
        }
        StringBuilder sql = new StringBuilder("select * from review_case where process_key in (:processes)");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("processes", processes);
        String text = query.text() == null ? "" : query.text().strip();
        if (!text.isEmpty()) {
            String upper = text.toUpperCase(Locale.ROOT);
            if (adapters.isCaseRef(upper)) {
                sql.append(" and case_ref = :ref");
                params.put("ref", upper);
            } else if (CREDIT_CODE.matcher(upper).matches()) {
                sql.append(" and code = :code");
                params.put("code", upper);
            } else {
                String fragment = text.toLowerCase(Locale.ROOT);
                if (!TWO_CHARACTERS.matcher(fragment).find()) {
                    throw new UserFacingException("review.cases.fragmentTooShort", MIN_FRAGMENT);
                }
                sql.append(" and title_lower like :pattern escape '\\'");
                params.put("pattern", "%" + fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                if (bigrams) {
                    sql.append(" and review_case_bigrams(title_lower) @> review_case_bigrams(cast(:fragment as varchar))");
                    params.put("fragment", fragment);
                }
            }
        }
        if (query.phase() != null) {
            sql.append(" and phase = :phase");
            params.put("phase", query.phase().name());
        }
        if (query.receivedFrom() != null) {
            sql.append(" and received_at >= :from");
            params.put("from", query.receivedFrom().atStartOfDay(time.zone()).toOffsetDateTime());
        }
        if (query.receivedTo() != null) {
            sql.append(" and received_at < :to");
            params.put("to", query.receivedTo().plusDays(1).atStartOfDay(time.zone()).toOffsetDateTime());
        }
        if (query.decidedBy() != null && !query.decidedBy().isBlank()) {
            sql.append(" and decided_by = :decidedBy");
            params.put("decidedBy", query.decidedBy().strip());
        }
        sql.append(" order by created_at desc, case_ref desc offset :offset rows fetch next :limit rows only");
        params.put("offset", Math.max(0, offset));
        params.put("limit", Math.max(1, Math.min(limit, 200)));
        return jdbc.sql(sql.toString()).params(params).query(CaseIndex::entry).list();
    }

    /**
     * A case for its page, audited as a view; empty, with the same answer, for a case that does not exist
     * and one of a process the user does not work (no hint that it exists).
     */
    @Transactional
    public Optional<CaseEntry> open(String caseRef, CurrentUser user) {
        List<String> processes = visibleProcesses(user);
        String ref = caseRef == null ? "" : caseRef.strip().toUpperCase(Locale.ROOT);
        Optional<CaseEntry> found = jdbc.sql("select * from review_case where case_ref = :ref").param("ref", ref)
                .query(CaseIndex::entry).optional().filter(e -> processes.contains(e.processKey()));
        found.ifPresent(e -> audit.record(user.username(), AUDIT_VIEW, e.caseRef(), "case page, " + e.processKey()));
        return found;
    }

    /** The case's open staff task the user may see (the first by due date), for the "open the task" link. */
    @Transactional(readOnly = true)
    public Optional<ReviewTask> openTask(String caseRef, CurrentUser user) {
        return jdbc.sql("select task_id from review_task where case_ref = :ref order by due_at, task_id").param("ref", caseRef)
                .query(String.class).list().stream()
                .map(id -> inbox.getObject().find(id, user)).flatMap(Optional::stream).findFirst();
    }

    /** The case's internal comments, oldest first, for who works its process. */
    @Transactional(readOnly = true)
    public List<CaseComment> comments(String caseRef, CurrentUser user) {
        CaseEntry e = jdbc.sql("select * from review_case where case_ref = :ref").param("ref", caseRef).query(CaseIndex::entry)
                .optional().filter(c -> visibleProcesses(user).contains(c.processKey()))
                .orElseThrow(() -> new AccessDeniedException(user.username() + " may not read " + caseRef));
        return jdbc.sql("""
                select id, author, author_name, body, created_at from review_comment
                where case_ref = :ref order by created_at, id""")
                .param("ref", e.caseRef())
                .query(CaseComments.ROW)
                .list();
    }

    /** The processes whose cases the user may search, in the adapters' order. */
    public List<CaseAdapter> processes(CurrentUser user) {
        return adapters.all().stream().filter(a -> a.handlers().workedBy(user)).toList();
    }

    /** The adapter of a process, for the case page's body. */
    Optional<CaseAdapter> adapter(String processKey) {
        return adapters.of(processKey);
    }

    /** The staff who may have decided cases of the user's processes, for the "decided by" filter. */
    public List<Colleague> deciders(CurrentUser user) {
        Collection<Role> roles = adapters.workersOf(visibleProcesses(user));
        Map<String, Colleague> byName = new TreeMap<>();
        for (Role role : roles) {
            for (User u : identities.getObject().createUserQuery().memberOfGroup(role.camundaGroup()).list()) {
                String name = u.getFirstName() == null || u.getFirstName().isBlank() ? u.getId() : u.getFirstName();
                byName.put(u.getId(), new Colleague(u.getId(), name));
            }
        }
        return Colleague.sorted(byName.values());
    }

    private List<String> visibleProcesses(CurrentUser user) {
        if (user == null) {
            throw new AccessDeniedException("not signed in");
        }
        List<String> keys = new ArrayList<>(processes(user).stream().map(CaseAdapter::processKey).toList());
        if (keys.isEmpty()) {
            throw new AccessDeniedException(user.username() + " works no process");
        }
        return keys;
    }

    private static CaseEntry entry(ResultSet rs, int n) throws SQLException {
        return new CaseEntry(rs.getString("process_key"), rs.getString("case_ref"), CasePhase.valueOf(rs.getString("phase")),
                rs.getString("state"), rs.getString("state_key"), rs.getString("code"), rs.getString("title"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("received_at", OffsetDateTime.class),
                rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class));
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
