package org.reviewdesk.review;

import java.time.OffsetDateTime;
import org.camunda.bpm.engine.IdentityService;
import org.reviewdesk.platform.BusinessTime;

/** How the workbench names a colleague and a moment in its messages ("already handled by X at T"). */
final class StaffNames {

    private StaffNames() {
    }

    /** "名字 (username)", or the username alone when the user has no name on record. */
    static String displayName(IdentityService identities, String username) {
        var found = identities.createUserQuery().userId(username).singleResult();
        return found == null || found.getFirstName() == null || found.getFirstName().isBlank()
                ? username : found.getFirstName() + " (" + username + ")";
    }

    /** A time as messages show it: to the minute, in the business zone. */
    static String time(OffsetDateTime time, BusinessTime businessTime) {
        return time == null ? "?" : businessTime.minute(time);
    }
}
