package org.reviewdesk.staff;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Handling units as administrators keep them and as the engine sees them: a unit is a Camunda group
 * whose members are its listed users; the review team is the role group {@code reviewers}; only
 * administrators change units.
 */
class HandlingUnitsTest extends KaribuTestSupport {

    @Autowired HandlingUnits units;
    @Autowired IdentityService identities;
    @Autowired StaffDirectory directory;

    @Test
    void aNewUnitIsAGroupOfItsMembersForTheEngine() {
        signInAs("admin", Role.ADMIN);
        UI.getCurrent().navigate(HandlingUnitsView.class);
        _click(_get(Button.class, spec -> spec.withId("add-unit")));
        _setValue(_get(TextField.class, spec -> spec.withId("unit-code")), "tax_bureau");
        _setValue(_get(TextField.class, spec -> spec.withId("unit-name-zh")), "税务局");
        _setValue(_get(TextField.class, spec -> spec.withId("unit-name-en")), "Tax bureau");
        _click(_get(Button.class, spec -> spec.withId("save-unit")));

        HandlingUnit unit = units.byCode("TAX_BUREAU").orElseThrow();
        assertThat(unit.camundaGroup()).isEqualTo("unit-tax_bureau");
        units.addMember("TAX_BUREAU", "reviewer2");

        assertThat(identities.createGroupQuery().groupMember("reviewer2").groupType("UNIT").list()).extracting(Group::getId)
                .containsExactly("unit-tax_bureau");
        assertThat(identities.createUserQuery().memberOfGroup("unit-tax_bureau").list()).extracting(User::getId)
                .containsExactly("reviewer2");
        assertThat(identities.createGroupQuery().groupMember("reviewer2").list()).extracting(Group::getId)
                .contains("reviewers", "unit-tax_bureau");

        assertThat(identities.createGroupQuery().groupMember("reviewer2").groupType("WORKFLOW").list()).extracting(Group::getId)
                .as("only the kind of group asked for").contains("reviewers").doesNotContain("unit-tax_bureau");

        String member = "unit-member-" + System.nanoTime() % 100000;
        directory.create(member, "单位成员", "Strong-Passw0rd-2026", java.util.Set.of(Role.REVIEWER));
        units.addMember("TAX_BUREAU", member);
        assertThat(identities.createGroupQuery().groupMember(member).groupType("UNIT").list()).extracting(Group::getId)
                .containsExactly("unit-tax_bureau");
        directory.setEnabled(member, false);
        assertThat(identities.createGroupQuery().groupMember(member).groupType("UNIT").count())
                .as("a disabled member is in no unit").isZero();

        units.update("TAX_BUREAU", "税务局", "Tax bureau", false);
        assertThat(identities.createGroupQuery().groupMember("reviewer2").groupType("UNIT").count())
                .as("a switched-off unit offers nothing").isZero();
    }

    @Test
    void theReviewTeamIsTheReviewersRoleGroupAndListsNobody() {
        signInAs("admin", Role.ADMIN);
        HandlingUnit team = units.byCode("REVIEW_TEAM").orElseThrow();
        assertThat(team.camundaGroup()).isEqualTo("reviewers");
        assertThat(team.roleGroup()).isTrue();
        assertThatThrownBy(() -> units.addMember("REVIEW_TEAM", "handler"))
                .hasFieldOrPropertyWithValue("messageKey", "staff.units.error.roleGroup");
        assertThatThrownBy(() -> units.create("9bad", "坏", "Bad")).hasFieldOrPropertyWithValue("messageKey", "staff.units.error.code");
        assertThatThrownBy(() -> units.create("REVIEW_TEAM", "审核组", "Review team"))
                .hasFieldOrPropertyWithValue("messageKey", "staff.units.error.codeTaken");
        assertThatThrownBy(() -> units.addMember("ACCOUNT_TEAM", "nobody-here"))
                .hasFieldOrPropertyWithValue("messageKey", "staff.error.unknownUser");
    }

    @Test
    void onlyAdministratorsChangeUnits() {
        signInAs("supervisor", Role.SUPERVISOR);
        assertThatThrownBy(() -> units.create("NEW_UNIT", "新单位", "New unit")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> units.addMember("ACCOUNT_TEAM", "reviewer")).isInstanceOf(AccessDeniedException.class);
        assertThat(units.active()).extracting(HandlingUnit::code).contains("REVIEW_TEAM", "ACCOUNT_TEAM");
    }
}
