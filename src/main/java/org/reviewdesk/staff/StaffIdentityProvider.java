package org.reviewdesk.staff;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.reviewdesk.platform.Role;

/**
 * Camunda's users and groups, read from the staff directory: a staff user is an engine user,
 * each of their roles an engine group ({@link Role#camundaGroup()}). So "the tasks I may claim"
 * ({@code taskCandidateUser}) and the roles that admit a user to a view come from the same rows.
 * Handling units ({@link HandlingUnits}) are groups too (type {@code UNIT}): a work order offered to
 * a unit's group is its members' to sign for.
 * Read-only: the engine never writes users; the admin view does, through {@link StaffDirectory}.
 */
class StaffIdentityProvider implements ReadOnlyIdentityProvider {

    /** The type of a handling unit's group; a role's group is {@code WORKFLOW}. */
    static final String UNIT_GROUP_TYPE = "UNIT";
    /** The type of a role's group. */
    static final String ROLE_GROUP_TYPE = "WORKFLOW";

    private final StaffUserRepository users;
    private final HandlingUnitRecords units;

    StaffIdentityProvider(StaffUserRepository users, HandlingUnitRecords units) {
        this.users = users;
        this.units = units;
    }

    @Override
    public User findUserById(String userId) {
        return users.findByUsername(userId).filter(StaffUser::enabled).map(StaffIdentityProvider::toUser).orElse(null);
    }

    @Override
    public UserQuery createUserQuery() {
        return new StaffUserQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public UserQuery createUserQuery(CommandContext commandContext) {
        return new StaffUserQuery();
    }

    @Override
    public NativeUserQuery createNativeUserQuery() {
        throw new UnsupportedOperationException("Native user queries are not supported by the staff directory");
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        // sign-in goes through Spring Security (with throttling), never through the engine
        return false;
    }

    @Override
    public Group findGroupById(String groupId) {
        return Role.ofCamundaGroup(groupId).map(StaffIdentityProvider::toGroup)
                .or(() -> units.byGroup(groupId).filter(HandlingUnit::active).map(StaffIdentityProvider::toGroup))
                .orElse(null);
    }

    @Override
    public GroupQuery createGroupQuery() {
        return new StaffGroupQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public GroupQuery createGroupQuery(CommandContext commandContext) {
        return new StaffGroupQuery();
    }

    @Override
    public Tenant findTenantById(String tenantId) {
        return null;
    }

    @Override
    public TenantQuery createTenantQuery() {
        return new NoTenants(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public TenantQuery createTenantQuery(CommandContext commandContext) {
        return new NoTenants();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    private static User toUser(StaffUser staff) {
        UserEntity user = new UserEntity(staff.username());
        user.setFirstName(staff.displayName());
        user.setLastName("");
        return user;
    }

    private static Group toGroup(Role role) {
        GroupEntity group = new GroupEntity(role.camundaGroup());
        group.setName(role.name());
        group.setType(ROLE_GROUP_TYPE);
        return group;
    }

    private static Group toGroup(HandlingUnit unit) {
        GroupEntity group = new GroupEntity(unit.camundaGroup());
        group.setName(unit.nameZh());
        group.setType(UNIT_GROUP_TYPE);
        return group;
    }

    private static <T> List<T> page(Stream<T> all, Page page) {
        Stream<T> s = all;
        if (page != null) {
            s = s.skip(page.getFirstResult()).limit(page.getMaxResults());
        }
        return s.toList();
    }

    private static boolean matches(String expected, String actual) {
        return expected == null || expected.equals(actual);
    }

    private static boolean in(String[] expected, String actual) {
        return expected == null || Arrays.asList(expected).contains(actual);
    }

    private static boolean like(String pattern, String actual) {
        if (pattern == null) {
            return true;
        }
        String regex = Arrays.stream(pattern.split("%", -1)).map(java.util.regex.Pattern::quote)
                .reduce((a, b) -> a + ".*" + b).orElse("");
        return actual != null && actual.matches(regex);
    }

    private class StaffUserQuery extends UserQueryImpl {

        StaffUserQuery() {
        }

        StaffUserQuery(org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor) {
            super(executor);
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return matching().count();
        }

        @Override
        public List<User> executeList(CommandContext commandContext, Page page) {
            return page(matching().map(StaffIdentityProvider::toUser), page);
        }

        private Stream<StaffUser> matching() {
            if (email != null || emailLike != null || lastName != null || tenantId != null || procDefId != null) {
                return Stream.empty();
            }
            Collection<StaffUser> candidates = groupId == null ? users.findAllByOrderByUsername()
                    : Role.ofCamundaGroup(groupId).map(users::findByRole).orElseGet(() -> unitMembers(groupId));
            return candidates.stream()
                    .filter(StaffUser::enabled)
                    .filter(u -> matches(id, u.username()) && in(ids, u.username()))
                    .filter(u -> matches(firstName, u.displayName()) && like(firstNameLike, u.displayName()))
                    .filter(u -> like(lastNameLike, ""));
        }
    }

    private List<StaffUser> unitMembers(String group) {
        return units.byGroup(group).filter(HandlingUnit::active).stream()
                .flatMap(u -> units.members(u.code()).stream())
                .flatMap(name -> users.findByUsername(name).stream()).toList();
    }

    private class StaffGroupQuery extends GroupQueryImpl {

        StaffGroupQuery() {
        }

        StaffGroupQuery(org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor) {
            super(executor);
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return matching().count();
        }

        @Override
        public List<Group> executeList(CommandContext commandContext, Page page) {
            return page(matching(), page);
        }

        private Stream<Group> matching() {
            if (tenantId != null || procDefId != null) {
                return Stream.empty();
            }
            // asked on every inbox question (a member's unit groups): only the kind of group asked for is read
            Stream<Role> roles = type != null && !ROLE_GROUP_TYPE.equals(type) ? Stream.empty()
                    : userId == null ? Arrays.stream(Role.values())
                    : users.findByUsername(userId).filter(StaffUser::enabled).stream().flatMap(u -> u.roles().stream());
            Stream<HandlingUnit> unitGroups = type != null && !UNIT_GROUP_TYPE.equals(type) ? Stream.empty()
                    : userId == null ? units.all().stream().filter(u -> u.active() && !u.roleGroup())
                    : units.activeUnitsOfEnabledMember(userId).stream();
            return Stream.concat(roles.filter(Objects::nonNull).map(StaffIdentityProvider::toGroup),
                            unitGroups.map(StaffIdentityProvider::toGroup))
                    .filter(g -> matches(id, g.getId()) && in(ids, g.getId()))
                    .filter(g -> matches(name, g.getName()) && like(nameLike, g.getName()))
                    .filter(g -> matches(type, g.getType()));
        }
    }

    private static class NoTenants extends TenantQueryImpl {

        NoTenants() {
        }

        NoTenants(org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor) {
            super(executor);
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return 0;
        }

        @Override
        public List<Tenant> executeList(CommandContext commandContext, Page page) {
            return List.of();
        }
    }
}
