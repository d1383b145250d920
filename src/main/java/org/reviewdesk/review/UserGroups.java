package org.reviewdesk.review;

import java.util.List;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.springframework.stereotype.Component;

/**
 * The Camunda groups a user's tasks may be offered to: the groups of the roles they signed in with
 * ({@link CurrentUser#roles()}, never re-read from the directory) and the handling units the staff
 * directory lists them in (groups of type {@value #UNIT_TYPE}, e.g. a 12345 work order dispatched to a
 * unit). Never empty, so {@code in (:groups)} stays valid SQL.
 */
@Component
class UserGroups {

    /** The type the staff directory gives a handling unit's group (a role's group is {@code WORKFLOW}). */
    static final String UNIT_TYPE = "UNIT";

    private final IdentityService identities;

    UserGroups(IdentityService identities) {
        this.identities = identities;
    }

    List<String> of(CurrentUser user) {
        TreeSet<String> groups = new TreeSet<>();
        user.roles().stream().map(Role::camundaGroup).forEach(groups::add);
        if (user.username() != null) {
            identities.createGroupQuery().groupMember(user.username()).groupType(UNIT_TYPE).list().stream()
                    .map(Group::getId).forEach(groups::add);
        }
        return groups.isEmpty() ? List.of("") : List.copyOf(groups);
    }
}
