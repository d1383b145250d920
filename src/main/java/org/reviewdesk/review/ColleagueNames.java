package org.reviewdesk.review;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.reviewdesk.platform.CurrentUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The names staff know each other by, for the timelines of every process: people read "王审核", and
 * the username stays at hand (on hover) for the audit trail, which records usernames.
 */
@Service
public class ColleagueNames {

    private final IdentityService identities;

    ColleagueNames(IdentityService identities) {
        this.identities = identities;
    }

    /**
     * The display names of those of {@code usernames} the staff directory knows with a name; anyone
     * else (the system, an applicant, a former colleague) is left out and shown as recorded.
     *
     * @throws AccessDeniedException the reader is not signed-in staff
     */
    public Map<String, String> of(Collection<String> usernames, CurrentUser reader) {
        if (reader == null || reader.roles().isEmpty()) {
            throw new AccessDeniedException("Staff only");
        }
        String[] wanted = usernames.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
        Map<String, String> names = new HashMap<>();
        if (wanted.length == 0) {
            return names;
        }
        identities.createUserQuery().userIdIn(wanted).list().stream()
                .filter(u -> u.getFirstName() != null && !u.getFirstName().isBlank())
                .forEach(u -> names.put(u.getId(), u.getFirstName()));
        return names;
    }
}
