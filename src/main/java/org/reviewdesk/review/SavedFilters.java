package org.reviewdesk.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.reviewdesk.rules.TextRules;
import org.reviewdesk.platform.AuditLog;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved inbox filters ({@code review_saved_filter}): each user's own, and those a colleague shared
 * with one of the user's groups. A user sees only these; only the owner shares or deletes, and only
 * with a group the owner belongs to (a user's groups are their roles' Camunda groups). A filter the
 * user may not see is "not found", never described. Saving, sharing and deleting are audited.
 */
@Service
class SavedFilters {

    static final int MAX_NAME_LENGTH = 60;
    static final String AUDIT_SAVE = "review.filter.save";
    static final String AUDIT_SHARE = "review.filter.share";
    static final String AUDIT_DELETE = "review.filter.delete";

    private static final String VISIBLE = "(f.owner = :me or f.group_id in (:groups))";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final IdentityService identities;
    private final AuditLog audit;
    private final Clock clock;
    private final CaseAdapters adapters;
    private final UserGroups userGroups;

    SavedFilters(JdbcClient jdbc, ObjectMapper json, IdentityService identities, AuditLog audit, Clock clock,
                 CaseAdapters adapters, UserGroups userGroups) {
        this.userGroups = userGroups;
        this.adapters = adapters;
        this.jdbc = jdbc;
        this.json = json;
        this.identities = identities;
        this.audit = audit;
        this.clock = clock;
    }

    /** My filters by name, then those shared with my groups by name. */
    @Transactional(readOnly = true)
    List<SavedFilter> visible(CurrentUser user) {
        requireInboxUser(user);
        List<SavedFilter> found = jdbc.sql("select f.id, f.owner, f.name, f.group_id, f.query_json from review_saved_filter f where "
                        + VISIBLE + " order by case when f.owner = :me then 0 else 1 end, f.name, f.id")
                .param("me", user.username()).param("groups", userGroups.of(user))
                .query(this::row).list();
        return withOwnerNames(found);
    }

    @Transactional(readOnly = true)
    Optional<SavedFilter> find(long id, CurrentUser user) {
        requireInboxUser(user);
        return visibleRow(id, user).map(f -> withOwnerNames(List.of(f)).get(0));
    }

    /**
     * Saves the filter under a new name of the user's.
     *
     * @param groupId a group of the user's to share it with, or null
     */
    @Transactional
    SavedFilter save(String name, InboxFilter filter, String groupId, CurrentUser user) {
        requireInboxUser(user);
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new UserFacingException("review.filter.nameRequired");
        }
        if (TextRules.hasHiddenCharacters(clean)) {
            throw new UserFacingException(TextRules.HIDDEN);
        }
        if (clean.length() > MAX_NAME_LENGTH) {
            throw new UserFacingException("review.filter.nameTooLong", MAX_NAME_LENGTH);
        }
        requireOwnGroup(groupId, user);
        if (jdbc.sql("select count(*) from review_saved_filter where owner = :me and name = :name")
                .param("me", user.username()).param("name", clean).query(Long.class).single() > 0) {
            throw new UserFacingException("review.filter.nameTaken", clean);
        }
        String document = write(filter);
        KeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into review_saved_filter (owner, name, group_id, query_json, created_at)
                    values (:me, :name, :group, :json, :at)""")
                    .param("me", user.username()).param("name", clean).param("group", groupId)
                    .param("json", document).param("at", OffsetDateTime.now(clock))
                    .update(keys, "id");
        } catch (DuplicateKeyException sameNameSavedAtOnce) {
            throw new UserFacingException("review.filter.nameTaken", clean);
        }
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record(user.username(), AUDIT_SAVE, null, "filter " + id + " '" + clean + "'"
                + (groupId == null ? "" : " shared with " + groupId) + " " + document);
        return new SavedFilter(id, user.username(), user.displayName(), clean, groupId, filter);
    }

    /** Shares one of my filters with one of my groups, or makes it mine alone again ({@code groupId} null). */
    @Transactional
    SavedFilter share(long id, String groupId, CurrentUser user) {
        SavedFilter filter = owned(id, user);
        requireOwnGroup(groupId, user);
        jdbc.sql("update review_saved_filter set group_id = :group where id = :id").param("group", groupId).param("id", id).update();
        audit.record(user.username(), AUDIT_SHARE, null, "filter " + id + " '" + filter.name() + "' "
                + (groupId == null ? "no longer shared" : "shared with " + groupId));
        return new SavedFilter(id, filter.owner(), user.displayName(), filter.name(), groupId, filter.filter());
    }

    @Transactional
    void delete(long id, CurrentUser user) {
        SavedFilter filter = owned(id, user);
        jdbc.sql("delete from review_saved_filter where id = :id").param("id", id).update();
        audit.record(user.username(), AUDIT_DELETE, null, "filter " + id + " '" + filter.name() + "'");
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** A filter only its owner may change: another's shared filter is refused, an invisible one not found. */
    private SavedFilter owned(long id, CurrentUser user) {
        requireInboxUser(user);
        SavedFilter filter = visibleRow(id, user).orElseThrow(() -> new UserFacingException("review.filter.notFound"));
        if (!filter.ownedBy(user)) {
            throw new UserFacingException("review.filter.notOwner");
        }
        return filter;
    }

    private Optional<SavedFilter> visibleRow(long id, CurrentUser user) {
        return jdbc.sql("select f.id, f.owner, f.name, f.group_id, f.query_json from review_saved_filter f where f.id = :id and "
                        + VISIBLE)
                .param("id", id).param("me", user.username()).param("groups", userGroups.of(user))
                .query(this::row).optional();
    }

    private void requireInboxUser(CurrentUser user) {
        if (adapters.worked(user).isEmpty()) {
            throw new AccessDeniedException(user.username() + " has no inbox");
        }
    }

    private void requireOwnGroup(String groupId, CurrentUser user) {
        if (groupId != null && !userGroups.of(user).contains(groupId)) {
            throw new UserFacingException("review.filter.notYourGroup");
        }
    }

    private List<SavedFilter> withOwnerNames(List<SavedFilter> filters) {
        Map<String, String> names = new HashMap<>();
        List<String> owners = filters.stream().map(SavedFilter::owner).distinct().toList();
        if (!owners.isEmpty()) {
            identities.createUserQuery().userIdIn(owners.toArray(String[]::new)).list()
                    .forEach(u -> names.put(u.getId(), u.getFirstName()));
        }
        return filters.stream().map(f -> new SavedFilter(f.id(), f.owner(), names.getOrDefault(f.owner(), f.owner()),
                f.name(), f.groupId(), f.filter())).toList();
    }

    private SavedFilter row(ResultSet rs, int n) throws SQLException {
        return new SavedFilter(rs.getLong("id"), rs.getString("owner"), rs.getString("owner"), rs.getString("name"),
                rs.getString("group_id"), read(rs.getString("query_json")));
    }

    private String write(InboxFilter filter) {
        try {
            return json.writeValueAsString(filter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an inbox filter could not be written as JSON", e);
        }
    }

    private InboxFilter read(String document) {
        try {
            return json.readValue(document, InboxFilter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a saved inbox filter is not readable: " + document, e);
        }
    }
}
