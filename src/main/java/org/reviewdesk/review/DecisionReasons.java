package org.reviewdesk.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.reviewdesk.rules.TextRules;
import org.reviewdesk.platform.AuditLog;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rejection reasons of every process (table {@code review_decision_reason}): the decision form
 * offers a process's active reasons, administrators and supervisors maintain them. A code is fixed
 * once created and a reason is never deleted, only deactivated: past decisions name it (and keep
 * their own copy of its text, see {@link StatedReason}). Every change is audited.
 */
@Service
public class DecisionReasons {

    static final String AUDIT_ADD = "review.reason.add";
    static final String AUDIT_UPDATE = "review.reason.update";
    static final String AUDIT_ACTIVE = "review.reason.active";
    static final int MAX_TEMPLATE = 500;
    static final int MAX_SORT_ORDER = 9999;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    private static final String COLUMNS = "id, process_key, code, template_zh, template_en, text_required, active, sort_order";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final CaseAdapters adapters;
    private final Clock clock;

    DecisionReasons(JdbcClient jdbc, AuditLog audit, CaseAdapters adapters, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.adapters = adapters;
        this.clock = clock;
    }

    /** The reasons the decision form offers for a process, in their order. */
    @Transactional(readOnly = true)
    public List<DecisionReason> active(String processKey, CurrentUser user) {
        requireWorker(processKey, user);
        return jdbc.sql("select " + COLUMNS + " from review_decision_reason where process_key = :key and active"
                        + " order by sort_order, code")
                .param("key", processKey).query(DecisionReasons::row).list();
    }

    /**
     * The reasons a decision names, in the list's order, each checked to be an active reason of the
     * process ({@code review.reason.notOffered} otherwise: deactivated meanwhile, or never there).
     */
    @Transactional(readOnly = true)
    public List<DecisionReason> chosen(String processKey, Collection<String> codes, CurrentUser user) {
        Map<String, DecisionReason> offered = active(processKey, user).stream()
                .collect(Collectors.toMap(DecisionReason::code, Function.identity()));
        Set<String> wanted = new LinkedHashSet<>(codes);
        for (String code : wanted) {
            if (!offered.containsKey(code)) {
                throw new UserFacingException("review.reason.notOffered", code);
            }
        }
        return offered.values().stream().filter(r -> wanted.contains(r.code()))
                .sorted(Comparator.comparingInt(DecisionReason::sortOrder).thenComparing(DecisionReason::code))
                .toList();
    }

    // ---- the editor -------------------------------------------------------------------------------

    /**
     * The processes whose reasons the user may edit: of those that {@linkplain CaseAdapter#rejectsWithReasons()
     * reject with reasons}, every one for administrators, else those they supervise.
     */
    public List<CaseAdapter> processes(CurrentUser user) {
        List<CaseAdapter> editable = adapters.all().stream().filter(CaseAdapter::rejectsWithReasons)
                .filter(a -> mayEdit(a.processKey(), user)).toList();
        if (editable.isEmpty()) {
            throw new AccessDeniedException("administrators and the processes' supervisors only");
        }
        return editable;
    }

    /** Every reason of a process, deactivated ones included, for the editor. */
    @Transactional(readOnly = true)
    public List<DecisionReason> all(String processKey, CurrentUser user) {
        requireEditor(processKey, user);
        return jdbc.sql("select " + COLUMNS + " from review_decision_reason where process_key = :key order by sort_order, code")
                .param("key", processKey).query(DecisionReasons::row).list();
    }

    @Transactional
    public DecisionReason add(String processKey, ReasonDraft draft, CurrentUser user) {
        if (processKey == null || adapters.of(processKey).filter(CaseAdapter::rejectsWithReasons).isEmpty()) {
            throw new UserFacingException("review.reason.unknownProcess");
        }
        requireEditor(processKey, user);
        String code = draft.code() == null ? "" : draft.code().strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            throw new UserFacingException("review.reason.codeInvalid");
        }
        ReasonDraft checked = checked(draft);
        if (jdbc.sql("select count(*) from review_decision_reason where process_key = :key and code = :code")
                .param("key", processKey).param("code", code).query(Long.class).single() > 0) {
            throw new UserFacingException("review.reason.codeTaken", code);
        }
        try {
            jdbc.sql("""
                    insert into review_decision_reason
                        (process_key, code, template_zh, template_en, text_required, active, sort_order, updated_at, updated_by)
                    values (:key, :code, :zh, :en, :textRequired, true, :sort, :at, :by)""")
                    .param("key", processKey).param("code", code).param("zh", checked.templateZh())
                    .param("en", checked.templateEn()).param("textRequired", checked.textRequired())
                    .param("sort", checked.sortOrder()).param("at", OffsetDateTime.now(clock)).param("by", user.username())
                    .update();
        } catch (DuplicateKeyException sameCodeAtOnce) {
            throw new UserFacingException(sameCodeAtOnce, "review.reason.codeTaken", code);
        }
        audit.record(user.username(), AUDIT_ADD, processKey + ":" + code, checked.templateZh());
        return find(processKey, code);
    }

    /** Changes a reason's texts, order and whether it needs a free text; its code stays. */
    @Transactional
    public DecisionReason update(long id, ReasonDraft draft, CurrentUser user) {
        DecisionReason before = byId(id);
        requireEditor(before.processKey(), user);
        if (draft.code() != null && !draft.code().isBlank() && !draft.code().strip().equals(before.code())) {
            throw new UserFacingException("review.reason.codeImmutable", before.code());
        }
        ReasonDraft checked = checked(draft);
        jdbc.sql("""
                update review_decision_reason set template_zh = :zh, template_en = :en, text_required = :textRequired,
                    sort_order = :sort, updated_at = :at, updated_by = :by where id = :id""")
                .param("zh", checked.templateZh()).param("en", checked.templateEn())
                .param("textRequired", checked.textRequired()).param("sort", checked.sortOrder())
                .param("at", OffsetDateTime.now(clock)).param("by", user.username()).param("id", id)
                .update();
        audit.record(user.username(), AUDIT_UPDATE, before.processKey() + ":" + before.code(),
                "zh: " + before.templateZh() + " -> " + checked.templateZh() + "; en: " + before.templateEn() + " -> "
                        + checked.templateEn() + "; textRequired " + checked.textRequired() + "; order " + checked.sortOrder());
        return byId(id);
    }

    /** Offers a reason again, or no longer (decisions already taken keep it). */
    @Transactional
    public DecisionReason setActive(long id, boolean active, CurrentUser user) {
        DecisionReason before = byId(id);
        requireEditor(before.processKey(), user);
        if (before.active() == active) {
            return before;
        }
        jdbc.sql("update review_decision_reason set active = :active, updated_at = :at, updated_by = :by where id = :id")
                .param("active", active).param("at", OffsetDateTime.now(clock)).param("by", user.username()).param("id", id)
                .update();
        audit.record(user.username(), AUDIT_ACTIVE, before.processKey() + ":" + before.code(), active ? "activated" : "deactivated");
        return byId(id);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static ReasonDraft checked(ReasonDraft draft) {
        String zh = draft.templateZh() == null ? "" : draft.templateZh().strip();
        String en = draft.templateEn() == null ? "" : draft.templateEn().strip();
        if (zh.isEmpty()) {
            throw new UserFacingException("review.reason.templateZhRequired");
        }
        if (en.isEmpty()) {
            throw new UserFacingException("review.reason.templateEnRequired");
        }
        if (TextRules.hasHiddenCharactersInLines(zh) || TextRules.hasHiddenCharactersInLines(en)) {
            throw new UserFacingException(TextRules.HIDDEN);
        }
        if (zh.length() > MAX_TEMPLATE || en.length() > MAX_TEMPLATE) {
            throw new UserFacingException("review.reason.templateTooLong", MAX_TEMPLATE);
        }
        if (draft.sortOrder() < 0 || draft.sortOrder() > MAX_SORT_ORDER) {
            throw new UserFacingException("review.reason.sortOrderInvalid", MAX_SORT_ORDER);
        }
        return new ReasonDraft(draft.code(), zh, en, draft.textRequired(), draft.sortOrder());
    }

    private DecisionReason byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from review_decision_reason where id = :id").param("id", id)
                .query(DecisionReasons::row).optional()
                .orElseThrow(() -> new UserFacingException("review.reason.notFound"));
    }

    private DecisionReason find(String processKey, String code) {
        return jdbc.sql("select " + COLUMNS + " from review_decision_reason where process_key = :key and code = :code")
                .param("key", processKey).param("code", code).query(DecisionReasons::row).single();
    }

    private static DecisionReason row(ResultSet rs, int n) throws SQLException {
        return new DecisionReason(rs.getLong("id"), rs.getString("process_key"), rs.getString("code"),
                rs.getString("template_zh"), rs.getString("template_en"), rs.getBoolean("text_required"),
                rs.getBoolean("active"), rs.getInt("sort_order"));
    }

    /** Who works a process reads its reasons (to decide); administrators too (to edit). */
    private void requireWorker(String processKey, CurrentUser user) {
        if (user == null || !(user.has(Role.ADMIN) || adapters.works(user, processKey))) {
            throw new AccessDeniedException("the process's handlers and administrators only");
        }
    }

    private void requireEditor(String processKey, CurrentUser user) {
        if (!mayEdit(processKey, user)) {
            throw new AccessDeniedException("administrators and the process's supervisors only");
        }
    }

    private boolean mayEdit(String processKey, CurrentUser user) {
        return user != null && (user.has(Role.ADMIN) || adapters.supervises(user, processKey));
    }
}
