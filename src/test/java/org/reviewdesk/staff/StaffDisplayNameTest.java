package org.reviewdesk.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** Issue 15: a staff member's name is shown beside every decision and comment; hidden characters would disguise it. */
@ApplicationTest
@WithMockUser(username = "staff-admin", roles = "ADMIN")
class StaffDisplayNameTest {

    @Autowired StaffDirectory directory;

    @Test
    void aDisplayNameWithAHiddenCharacterIsRefusedAndNoUserCreated() {
        assertThatThrownBy(() -> directory.create("hidden-name", "审核员\u202E甲", "Password-2026", Set.of(Role.REVIEWER)))
                .hasFieldOrPropertyWithValue("messageKey", "staff.error.displayName");
        assertThatThrownBy(() -> directory.create("hidden-name", "\u200B审核员", "Password-2026", Set.of(Role.REVIEWER)))
                .hasFieldOrPropertyWithValue("messageKey", "staff.error.displayName");
        assertThat(directory.list()).noneMatch(member -> member.username().equals("hidden-name"));
    }
}
