package org.reviewdesk.platform;

import java.util.Arrays;
import java.util.Optional;

/**
 * The staff roles. Each role is also a Camunda group: the engine's candidate groups are
 * these names, so a user's roles and the tasks they may claim come from one place.
 */
public enum Role {
    REVIEWER("reviewers"),
    SUPERVISOR("supervisors"),
    HOTLINE_AGENT("hotline"),
    /** 窗口人员: the provincial service centre's offline window; starts cases for walk-in applicants, never decides. */
    WINDOW_CLERK("window"),
    /** 承办人员: a handling unit's staff; sign for, handle and reply to 12345 work orders dispatched to their unit. */
    HANDLER("handlers"),
    ADMIN("admins");

    /** For {@code @RolesAllowed}, which needs compile-time constants. */
    public static final String REVIEWER_NAME = "REVIEWER";
    public static final String SUPERVISOR_NAME = "SUPERVISOR";
    public static final String HOTLINE_AGENT_NAME = "HOTLINE_AGENT";
    public static final String WINDOW_CLERK_NAME = "WINDOW_CLERK";
    public static final String HANDLER_NAME = "HANDLER";
    public static final String ADMIN_NAME = "ADMIN";

    private final String camundaGroup;

    Role(String camundaGroup) {
        this.camundaGroup = camundaGroup;
    }

    public String camundaGroup() {
        return camundaGroup;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public String messageKey() {
        return "platform.role." + name();
    }

    public static Optional<Role> ofCamundaGroup(String group) {
        return Arrays.stream(values()).filter(r -> r.camundaGroup.equals(group)).findFirst();
    }
}
