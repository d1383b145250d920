package org.reviewdesk.staff;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.reviewdesk.platform.AuditLog;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handling units (承办单位) of 12345 work orders, the one door to them: the hotline reads the active
 * units to dispatch to; administrators create, rename, switch off units and keep their members
 * (audited). A unit is a Camunda group ({@link StaffIdentityProvider} answers it), so a work order
 * dispatched to a unit is offered to its members in the shared inbox. New units get the group
 * {@code unit-<code>}; the provincial service centre's review team is the role group {@code reviewers}.
 */
@Service
public class HandlingUnits {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");
    static final String GROUP_PREFIX = "unit-";

    private final HandlingUnitRecords records;
    private final StaffUserRepository users;
    private final AuditLog audit;
    private final Clock clock;

    HandlingUnits(HandlingUnitRecords records, StaffUserRepository users, AuditLog audit, Clock clock) {
        this.records = records;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** The units a work order may be dispatched to. */
    @Transactional(readOnly = true)
    public List<HandlingUnit> active() {
        return records.all().stream().filter(HandlingUnit::active).toList();
    }

    @Transactional(readOnly = true)
    public Optional<HandlingUnit> byCode(String code) {
        return code == null ? Optional.empty() : records.byCode(code.strip().toUpperCase(Locale.ROOT));
    }

    @Transactional(readOnly = true)
    public Optional<HandlingUnit> byGroup(String group) {
        return group == null ? Optional.empty() : records.byGroup(group);
    }

    // ---- administration -------------------------------------------------------------------------------

    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional(readOnly = true)
    public List<HandlingUnit> all() {
        return records.all();
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional(readOnly = true)
    public List<String> members(String code) {
        return records.members(unit(code).code());
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public HandlingUnit create(String code, String nameZh, String nameEn) {
        String normal = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(normal).matches()) {
            throw new UserFacingException("staff.units.error.code");
        }
        requireNames(nameZh, nameEn);
        if (records.byCode(normal).isPresent()) {
            throw new UserFacingException("staff.units.error.codeTaken", normal);
        }
        records.insert(normal, nameZh.strip(), nameEn.strip(), GROUP_PREFIX + normal.toLowerCase(Locale.ROOT),
                OffsetDateTime.now(clock));
        audit.record(CurrentUser.require().username(), "UNIT_CREATED", null, normal);
        return unit(normal);
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public HandlingUnit update(String code, String nameZh, String nameEn, boolean active) {
        HandlingUnit unit = unit(code);
        requireNames(nameZh, nameEn);
        records.update(unit.code(), nameZh.strip(), nameEn.strip(), active);
        audit.record(CurrentUser.require().username(), "UNIT_UPDATED", null, unit.code() + " active=" + active);
        return unit(unit.code());
    }

    /** Lists a handler (or any staff user) as a member; a unit standing for a role group takes that role's holders instead. */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public void addMember(String code, String username) {
        HandlingUnit unit = unit(code);
        if (unit.roleGroup()) {
            throw new UserFacingException("staff.units.error.roleGroup", unit.camundaGroup());
        }
        String name = StaffDirectory.normalise(username);
        if (!users.existsByUsername(name)) {
            throw new UserFacingException("staff.error.unknownUser", username);
        }
        if (records.addMember(unit.code(), name)) {
            audit.record(CurrentUser.require().username(), "UNIT_MEMBER_ADDED", null, unit.code() + " " + name);
        }
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public void removeMember(String code, String username) {
        HandlingUnit unit = unit(code);
        if (records.removeMember(unit.code(), StaffDirectory.normalise(username))) {
            audit.record(CurrentUser.require().username(), "UNIT_MEMBER_REMOVED", null, unit.code() + " " + username);
        }
    }

    /** For demo seeding at start-up, where nobody is signed in. */
    @Transactional
    void seed(String code, String nameZh, String nameEn, List<String> members) {
        if (records.byCode(code).isEmpty()) {
            records.insert(code, nameZh, nameEn, GROUP_PREFIX + code.toLowerCase(Locale.ROOT), OffsetDateTime.now(clock));
            audit.record("system", "UNIT_CREATED", null, code);
        }
        members.forEach(m -> records.addMember(code, m));
    }

    private HandlingUnit unit(String code) {
        return byCode(code).orElseThrow(() -> new UserFacingException("staff.units.error.unknown", code));
    }

    private static void requireNames(String nameZh, String nameEn) {
        if (nameZh == null || nameZh.isBlank() || nameZh.strip().length() > 100
                || nameEn == null || nameEn.isBlank() || nameEn.strip().length() > 100) {
            throw new UserFacingException("staff.units.error.name");
        }
    }
}
