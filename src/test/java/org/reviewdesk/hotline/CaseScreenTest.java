package org.reviewdesk.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.accounts.EnterpriseAccount;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.PersonalDataField;
import org.reviewdesk.platform.PersonalDataReveals;
import org.reviewdesk.platform.RevealProperties;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.window.Organisations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** The case screen's service: who may use it, what a search finds, and the audited, limited reveal. */
class CaseScreenTest extends KaribuTestSupport {

    static final String RENAMED = HotlineHomeViewTest.RENAMED;

    @Autowired
    CaseScreen screen;
    @Autowired
    Organisations organisations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BusinessTime time;
    @Autowired
    RevealProperties revealProperties;

    private EnterpriseAccount renamed() {
        return organisations.accounts(RENAMED).get(0);
    }

    @Test
    void onlyHotlineAgentsAndSupervisorsSearchOrReveal() {
        for (Role role : List.of(Role.REVIEWER, Role.WINDOW_CLERK, Role.ADMIN)) {
            signInAs("not-an-agent-" + role, role);
            assertThatThrownBy(() -> screen.search(RENAMED)).as(role.name()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> screen.record(RENAMED)).as(role.name()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> screen.revealContactMobile("RD20261204000001")).as(role.name()).isInstanceOf(AccessDeniedException.class);
        }
        signInAs("supervisor-search", Role.SUPERVISOR);
        assertThat(screen.search(RENAMED).hits()).extracting(CaseScreen.Hit::uscc).containsExactly(RENAMED);
    }

    @Test
    void theNeutralLookupRefusesRolesThatServeNobody() {
        signInAs("reviewer-lookup", Role.REVIEWER, Role.ADMIN);
        assertThatThrownBy(() -> organisations.cases(RENAMED)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> organisations.byRepresentativeMobile("13800000006", 5)).isInstanceOf(AccessDeniedException.class);
        signInAs("clerk-lookup", Role.WINDOW_CLERK);
        assertThat(organisations.byRepresentativeMobile("13800000006", 5)).extracting(EnterpriseAccount::uscc).containsExactly(RENAMED);
    }

    @Test
    void eachKindOfInputIsRecognised() {
        signInAs("agent-kinds", Role.HOTLINE_AGENT);
        assertThat(screen.search(" ").kind()).isEqualTo(CaseScreen.QueryKind.EMPTY);
        assertThat(screen.search(RENAMED.toLowerCase()).kind()).isEqualTo(CaseScreen.QueryKind.CODE);
        assertThat(screen.search("138 0000 0006").kind()).isEqualTo(CaseScreen.QueryKind.MOBILE);
        assertThat(screen.search("138 0000 0006").mobile()).isEqualTo("13800000006");
        assertThat(screen.search("rd 20261204123456").kind()).isEqualTo(CaseScreen.QueryKind.CASE_NUMBER);
        assertThat(screen.search("示").kind()).isEqualTo(CaseScreen.QueryKind.TOO_SHORT);
        assertThat(screen.search("示范").kind()).isEqualTo(CaseScreen.QueryKind.NAME);
    }

    @Test
    void aNameFragmentListsAtMostTheLimitAndSaysThereAreMore() {
        signInAs("agent-many", Role.HOTLINE_AGENT);
        CaseScreen.Results results = screen.search("示范");
        assertThat(results.hits()).hasSizeLessThanOrEqualTo(CaseScreen.MAX_HITS);
        assertThat(results.more()).isEqualTo(organisations.byCodeOrName("示范", 1000).size() > CaseScreen.MAX_HITS);
    }

    @Test
    void aRevealIsAuditedWithTheFieldAndTheOrganisation() {
        signInAs("agent-audit", Role.HOTLINE_AGENT);

        String id = screen.revealAccountField(renamed().id(), RENAMED, PersonalDataField.REPRESENTATIVE_ID_NUMBER);

        assertThat(id).isEqualTo("440305198505152349");
        assertThat(jdbc.sql("select detail from audit_record where actor = 'agent-audit' and action = :a and case_ref = :c")
                .param("a", PersonalDataReveals.REVEALED).param("c", RENAMED).query(String.class).list())
                .containsExactly("REPRESENTATIVE_ID_NUMBER on hotline");
    }

    @Test
    void theDailyLimitRefusesTheRevealBeyondItWithAClearMessageAndAuditsTheRefusal() {
        int limit = revealProperties.perUserPerDay();
        jdbc.sql("insert into personal_data_reveal_count (actor, reveal_day, revealed) values ('agent-limit', :d, :n)")
                .param("d", time.today()).param("n", limit - 1).update();
        signInAs("agent-limit", Role.HOTLINE_AGENT);
        long accountId = renamed().id();

        assertThat(screen.revealAccountField(accountId, RENAMED, PersonalDataField.REPRESENTATIVE_MOBILE)).isEqualTo("13800000006");
        assertThatThrownBy(() -> screen.revealAccountField(accountId, RENAMED, PersonalDataField.REPRESENTATIVE_MOBILE))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("platform.reveal.limitReached");
                    assertThat(e.arguments()).containsExactly(limit);
                });

        assertThat(count("agent-limit", PersonalDataReveals.REVEALED)).isEqualTo(1);
        assertThat(count("agent-limit", PersonalDataReveals.REFUSED)).isEqualTo(1);
        assertThat(jdbc.sql("select revealed from personal_data_reveal_count where actor = 'agent-limit'").query(Integer.class).single())
                .isEqualTo(limit);
        // another agent's allowance is their own
        signInAs("agent-limit-2", Role.HOTLINE_AGENT);
        assertThat(screen.revealAccountField(accountId, RENAMED, PersonalDataField.REPRESENTATIVE_MOBILE)).isEqualTo("13800000006");
    }

    @Test
    void aRevealOfAnotherOrganisationsAccountOrOfNothingIsRefusedAndNotCounted() {
        signInAs("agent-wrong", Role.HOTLINE_AGENT);
        long otherAccount = organisations.accounts("91510100MA6CXL001R").get(0).id();

        assertThatThrownBy(() -> screen.revealAccountField(otherAccount, RENAMED, PersonalDataField.REPRESENTATIVE_MOBILE))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("platform.reveal.nothing"));
        assertThatThrownBy(() -> screen.revealContactMobile("RD99999999999999"))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("platform.reveal.nothing"));

        assertThat(count("agent-wrong", PersonalDataReveals.REVEALED)).isZero();
        assertThat(jdbc.sql("select coalesce(sum(revealed), 0) from personal_data_reveal_count where actor = 'agent-wrong'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theWorkOrdersProvideTheCallerHistoryAndNothingIsMadeUp() {
        signInAs("agent-history", Role.HOTLINE_AGENT);
        assertThat(screen.knowsCallerHistory()).isTrue();
        // a mobile nobody called from: an empty list, not a made-up one
        assertThat(screen.callerHistory("13700000999")).isEmpty();
        assertThat(screen.record(RENAMED).earlierContacts()).isNotNull();
    }

    private int count(String actor, String action) {
        return jdbc.sql("select count(*) from audit_record where actor = :actor and action = :action")
                .param("actor", actor).param("action", action).query(Integer.class).single();
    }
}
