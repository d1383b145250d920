package org.reviewdesk.staff;

import java.time.OffsetDateTime;
import java.util.Set;
import org.reviewdesk.platform.Role;

/** A staff user as other capabilities and views see it: no password hash, no entity. */
public record StaffMember(String username, String displayName, Set<Role> roles, boolean enabled, OffsetDateTime createdAt) {

    public StaffMember {
        roles = Set.copyOf(roles);
    }
}
