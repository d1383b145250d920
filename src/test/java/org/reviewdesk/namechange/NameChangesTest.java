package org.reviewdesk.namechange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.reviewdesk.namechange.NameChangeFixture.NEW_NAME;
import static org.reviewdesk.namechange.NameChangeFixture.OLD_NAME;
import static org.reviewdesk.namechange.NameChangeFixture.REVIEWER;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.accounts.AccountName;
import org.reviewdesk.accounts.EnterpriseAccount;
import org.reviewdesk.accounts.EnterpriseAccounts;
import org.reviewdesk.applicants.MobileProof;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.registration.MobileProofFixture;
import org.reviewdesk.review.ReviewDecision;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.TestCodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rules of process 3 as its service enforces them, whoever calls: each broken rule refused with
 * its message and nothing recorded; the rename step idempotent; the old name still found.
 */
@ApplicationTest
class NameChangesTest {

    @Autowired ApplicationContext context;
    @Autowired NameChanges changes;
    @Autowired NameChangeReview reviews;
    @Autowired NameChangeSteps steps;
    @Autowired EnterpriseAccounts accounts;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired JdbcClient jdbc;
    @Autowired MessageSource messages;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void anOnlineApplicationWithAProvenMobileAnswersANumberAndAnAccessCode() {
        String uscc = NameChangeFixture.account(context, LegalPersonType.ENTERPRISE);
        MobileProof proof = MobileProofFixture.proof(context, "13812345678");

        NameChangeStarted started = changes.apply(NameChangeFixture.request(uscc, NEW_NAME), proof,
                NameChangeFixture.licence(uscc, NEW_NAME), Locale.SIMPLIFIED_CHINESE);

        assertThat(started.number()).matches("NC\\d{14}");
        assertThat(started.accessCode()).hasSize(8);
        assertThat(changes.status(changes.open(started.number(), started.accessCode(), "198.51.100.1")).state())
                .isEqualTo(NameChangeState.CHECKING);
        assertThatThrownBy(() -> changes.open(started.number(), "WRONGCODE", "198.51.100.1"))
                .hasFieldOrPropertyWithValue("messageKey", "namechange.access.denied");
        assertThatThrownBy(() -> changes.apply(NameChangeFixture.request(uscc, NEW_NAME), proof,
                NameChangeFixture.licence(uscc, NEW_NAME), Locale.SIMPLIFIED_CHINESE))
                .as("a proof is good once").isInstanceOf(NameChangeRefused.class);
    }

    @Test
    void aWrongSmsCodeIsRefusedAtTheCodeField() {
        String uscc = NameChangeFixture.account(context, LegalPersonType.ENTERPRISE);
        MobileProof proof = MobileProofFixture.proof(context, "13812345678");
        String wrong = proof.code().equals("000000") ? "111111" : "000000";

        assertThatThrownBy(() -> changes.apply(NameChangeFixture.request(uscc, NEW_NAME), new MobileProof(proof.proofId(), wrong),
                NameChangeFixture.licence(uscc, NEW_NAME), Locale.SIMPLIFIED_CHINESE))
                .isInstanceOfSatisfying(NameChangeRefused.class,
                        e -> assertThat(e.errors()).extracting(NameChangeRefused.FieldError::field).containsExactly("mobileCode"));
        assertThat(cases(uscc)).isZero();
    }

    @Test
    void everyOtherLegalPersonTypeIsToldThePortalsRuleInTheUsersLanguage() {
        for (LegalPersonType type : Set.of(LegalPersonType.ORGAN, LegalPersonType.PUBLIC_INSTITUTION,
                LegalPersonType.SOCIAL_ORGANISATION, LegalPersonType.INDIVIDUAL_BUSINESS)) {
            String uscc = NameChangeFixture.account(context, type);
            assertThatThrownBy(() -> NameChangeFixture.started(context, uscc))
                    .isInstanceOfSatisfying(UserFacingException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("namechange.start.reRegister");
                        assertThat(e.arguments()).containsExactly(type.messageKey());
                    });
            assertThat(cases(uscc)).isZero();
        }
        String message = new MessageSourceAccessor(messages).getMessage("namechange.start.reRegister",
                new Object[] {"个体工商户"}, Locale.SIMPLIFIED_CHINESE);
        assertThat(message).contains("个体工商户", "注销", "重新注册");
        assertThat(new MessageSourceAccessor(messages).getMessage("namechange.start.reRegister", new Object[] {"sole proprietor"},
                Locale.ENGLISH)).contains("deregister", "register again");
    }

    @Test
    void aCodeWithoutAnActiveAccountIsRefused() {
        String uscc = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        assertThatThrownBy(() -> NameChangeFixture.started(context, uscc))
                .hasFieldOrPropertyWithValue("messageKey", "namechange.start.noActiveAccount");
        assertThat(cases(uscc)).isZero();
    }

    @Test
    void theNameOnRecordIsNoNewName() {
        String uscc = NameChangeFixture.account(context, LegalPersonType.ENTERPRISE);
        assertThatThrownBy(() -> changes.startAtWindow(NameChangeFixture.request(uscc, " " + OLD_NAME + " "),
                NameChangeFixture.licence(uscc, OLD_NAME), NameChangeFixture.CLERK, Locale.SIMPLIFIED_CHINESE))
                .hasFieldOrPropertyWithValue("messageKey", "namechange.start.sameName");
        assertThat(cases(uscc)).isZero();
    }

    @Test
    void onlyAWindowClerkStartsAtTheWindow() {
        String uscc = NameChangeFixture.account(context, LegalPersonType.ENTERPRISE);
        for (CurrentUser notClerk : Set.of(REVIEWER, new CurrentUser("agent", Set.of(Role.HOTLINE_AGENT)),
                new CurrentUser("boss", Set.of(Role.SUPERVISOR, Role.ADMIN)))) {
            assertThatThrownBy(() -> changes.startAtWindow(NameChangeFixture.request(uscc, NEW_NAME),
                    NameChangeFixture.licence(uscc, NEW_NAME), notClerk, Locale.SIMPLIFIED_CHINESE))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(cases(uscc)).isZero();
    }

    @Test
    void aFileThatIsNoPdfOrImageIsRefusedAndNothingIsOpened() {
        String uscc = NameChangeFixture.account(context, LegalPersonType.ENTERPRISE);
        LicenceFile script = new LicenceFile("licence.pdf", "application/pdf",
                new ByteArrayInputStream("<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> changes.startAtWindow(NameChangeFixture.request(uscc, NEW_NAME), script, NameChangeFixture.CLERK,
                Locale.SIMPLIFIED_CHINESE)).isInstanceOf(UserFacingException.class);
        assertThat(cases(uscc)).isZero();
    }

    @Test
    void aSecondNameChangeForTheCodeIsRefusedWhileOneIsOpen() {
        String uscc = NameChangeFixture.account(context, LegalPersonType.ENTERPRISE);
        NameChangeStarted first = NameChangeFixture.started(context, uscc);
        assertThatThrownBy(() -> NameChangeFixture.started(context, uscc)).as("the window clerk is told the open case's number")
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("namechange.start.alreadyOpenNumber");
                    assertThat(e.arguments()).containsExactly(first.number());
                });
        MobileProof proof = MobileProofFixture.proof(context, "13812345678");
        assertThatThrownBy(() -> changes.startOnline(NameChangeFixture.request(uscc, NEW_NAME), proof, Locale.ENGLISH))
                .as("an applicant online proved no right to it: not named")
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("namechange.start.alreadyOpen");
                    assertThat(e.arguments()).isEmpty();
                });
        assertThat(cases(uscc)).isEqualTo(1);
    }

    @Test
    void theRenameStepRunTwiceRenamesOnce() {
        String uscc = NameChangeFixture.account(context, LegalPersonType.ENTERPRISE);
        NameChangeStarted started = approved(uscc);
        EnterpriseAccount account = accounts.findActive(uscc).orElseThrow();
        assertThat(account.name()).isEqualTo(NEW_NAME);

        TransactionTemplate inEngineTransaction = new TransactionTemplate(transactions);
        inEngineTransaction.executeWithoutResult(status -> steps.rename(started.number()));
        jdbc.sql("update name_change set state = 'IN_REVIEW' where number = :n").param("n", started.number()).update();
        // as if the case's own row had not kept its RENAMED state: the account is still renamed once
        inEngineTransaction.executeWithoutResult(status -> steps.rename(started.number()));

        assertThat(accounts.names(account.id())).extracting(AccountName::name).containsExactly(OLD_NAME, NEW_NAME);
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'ACCOUNT_RENAMED' and case_ref = :n")
                .param("n", started.number()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theOldNameStaysFindable() {
        String uscc = NameChangeFixture.account(context, LegalPersonType.ENTERPRISE);
        approved(uscc);
        EnterpriseAccount account = accounts.findActive(uscc).orElseThrow();

        assertThat(accounts.names(account.id())).extracting(AccountName::name).contains(OLD_NAME);
        assertThat(accounts.search(uscc, 0, 10)).extracting(m -> m.account().name()).containsExactly(NEW_NAME);
        assertThat(accounts.search(OLD_NAME, 0, 10_000)).as("the search by the former name finds the renamed account")
                .anySatisfy(m -> {
                    assertThat(m.account().uscc()).isEqualTo(uscc);
                    assertThat(m.formerName()).isEqualTo(OLD_NAME);
                });
        assertThat(reviews.reviewCase(
                jdbc.sql("select number from name_change where uscc = :u").param("u", uscc).query(String.class).single(), REVIEWER)
                .nameHistory()).extracting(AccountName::name).containsExactly(OLD_NAME, NEW_NAME);
    }

    NameChangeStarted approved(String uscc) {
        NameChangeStarted started = NameChangeFixture.started(context, uscc);
        String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(started.number()).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(pid).singleResult().getId());
        reviews.decide(started.number(), new ReviewDecision.Approve(null), REVIEWER);
        return started;
    }

    int cases(String uscc) {
        return jdbc.sql("select count(*) from name_change where uscc = :u").param("u", uscc).query(Integer.class).single();
    }
}
