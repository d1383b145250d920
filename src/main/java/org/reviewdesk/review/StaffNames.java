package org.reviewdesk.review;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.IdentityService;

/** How the workbench names a colleague and a moment in its messages ("already handled by X at T"). */
final class StaffNames {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private StaffNames() {
    }

    /** "名字 (username)", or the username alone when the user has no name on record. */
    static String displayName(IdentityService identities, String username) {
        var found = identities.createUserQuery().userId(username).singleResult();
        return found == null || found.getFirstName() == null || found.getFirstName().isBlank()
                ? username : found.getFirstName() + " (" + username + ")";
    }

    /** A time as messages show it: minutes, in China's time zone (where the reviewers are). */
    static String time(OffsetDateTime time) {
        return time == null ? "?" : SHOWN.format(time.atZoneSameInstant(CHINA));
    }
}
