package org.reviewdesk.platform;

import java.util.Optional;
import java.util.Set;

/** The staff directory as the per-request session check sees it (implemented by the staff capability). */
public interface StaffAccounts {

    /** The user's roles as the shared database holds them now; empty when the user is unknown or disabled. */
    Optional<Set<Role>> activeRoles(String username);
}
