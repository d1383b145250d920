package org.reviewdesk.staff;

import java.util.Collection;
import org.reviewdesk.platform.StaffPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** Spring Security's user, plus the name the shell shows. */
class SignedInStaff extends User implements StaffPrincipal {

    private final String displayName;

    SignedInStaff(String username, String passwordHash, boolean enabled, Collection<? extends GrantedAuthority> authorities,
                  String displayName) {
        super(username, passwordHash, enabled, true, true, true, authorities);
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
