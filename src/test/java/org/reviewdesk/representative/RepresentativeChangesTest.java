package org.reviewdesk.representative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.reviewdesk.representative.RepresentativeFixture.CLERK;
import static org.reviewdesk.representative.RepresentativeFixture.REVIEWER;
import static org.reviewdesk.representative.RepresentativeFixture.SUPERVISOR;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.accounts.AccountStatus;
import org.reviewdesk.accounts.EnterpriseAccounts;
import org.reviewdesk.applicants.MobileProof;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.registration.MobileProofFixture;
import org.reviewdesk.review.ReviewDecision;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.TestCodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The rules of process 2 that its service enforces whoever calls, each broken once. */
@ApplicationTest
class RepresentativeChangesTest {

    static final String ADDRESS = "198.51.100.17";
    static final String RECORDED_ID = "440524188001010014";

    @Autowired ApplicationContext context;
    @Autowired RepresentativeChanges changes;
    @Autowired RepresentativeReview reviews;
    @Autowired RepresentativeSteps steps;
    @Autowired EnterpriseAccounts accounts;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void aCodeWithoutAnActiveAccountIsToldPlainlyAndNothingIsOpened() {
        String uscc = TestCodes.uscc(LegalPersonType.ENTERPRISE);

        assertRefused(() -> changes.startAtWindow(RepresentativeFixture.request(uscc), CLERK, Locale.SIMPLIFIED_CHINESE),
                "representative.start.noActiveAccount");
        assertThat(rows(uscc)).isZero();
    }

    @Test
    void theRepresentativeOnRecordCannotAskForTheChange() {
        String uscc = RepresentativeFixture.account(context, LegalPersonType.ENTERPRISE);
        ChangeRequest same = ChangeRequest.byRepresentative(uscc, ChangeReason.REPRESENTATIVE_CHANGED, null,
                " " + RepresentativeFixture.OLD_REPRESENTATIVE + " ", IdType.RESIDENT_ID, "11010519491231002X", "13812345678");

        assertRefused(() -> changes.startAtWindow(same, CLERK, Locale.SIMPLIFIED_CHINESE), "representative.start.sameRepresentative");
        assertThat(rows(uscc)).isZero();
    }

    @Test
    void aNamesakeWithAnotherIdNumberIsAnotherPerson() {
        String uscc = accountWithRecordedId();
        ChangeRequest namesake = ChangeRequest.byRepresentative(uscc, ChangeReason.REPRESENTATIVE_CHANGED, null,
                RepresentativeFixture.OLD_REPRESENTATIVE, IdType.RESIDENT_ID, "11010519491231002X", "13812345678");

        ChangeStarted started = changes.startAtWindow(namesake, CLERK, Locale.SIMPLIFIED_CHINESE);

        assertThat(started.number()).matches("DR\\d{14}");
    }

    @Test
    void theIdNumberOnRecordIsRefusedWhateverTheNameSpelling() {
        String uscc = accountWithRecordedId();
        ChangeRequest sameId = ChangeRequest.byRepresentative(uscc, ChangeReason.REPRESENTATIVE_CHANGED, null,
                "王 伍", IdType.RESIDENT_ID, RECORDED_ID.toLowerCase(Locale.ROOT).replace("x", "X"), "13812345678");

        assertRefused(() -> changes.startAtWindow(sameId, CLERK, Locale.SIMPLIFIED_CHINESE), "representative.start.sameRepresentative");
        assertThat(rows(uscc)).isZero();
    }

    /** An imported account whose representative's ID number is on record. */
    private String accountWithRecordedId() {
        String uscc = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        accounts.open(uscc, "示例有限公司", LegalPersonType.ENTERPRISE, new EnterpriseAccounts.Representative(
                RepresentativeFixture.OLD_REPRESENTATIVE, IdType.RESIDENT_ID, RECORDED_ID, "13900001111"), "TEST", "test");
        return uscc;
    }

    @Test
    void aCompanyThatChangedItsNameIsSentToTheNameChange() {
        String uscc = RepresentativeFixture.account(context, LegalPersonType.ENTERPRISE);
        ChangeRequest renamed = ChangeRequest.byRepresentative(uscc, ChangeReason.NAME_CHANGED, null, "张三",
                IdType.RESIDENT_ID, "11010519491231002X", "13812345678");

        assertRefused(() -> changes.startAtWindow(renamed, CLERK, Locale.SIMPLIFIED_CHINESE), "representative.start.enterpriseRenames");
    }

    @Test
    void badFieldsAreRefusedEachAtItsField() {
        ChangeRequest bad = ChangeRequest.byRepresentative("91350100M000100Y4", ChangeReason.OTHER, " ", "张三",
                IdType.RESIDENT_ID, "11010519491231002x", "1381234");

        assertThatThrownBy(() -> changes.startAtWindow(bad, CLERK, Locale.SIMPLIFIED_CHINESE)).isInstanceOf(ChangeRefused.class)
                .satisfies(e -> assertThat(((ChangeRefused) e).errors()).extracting(ChangeRefused.FieldError::field)
                        .containsExactly("uscc", "reasonText", "representativeIdNumber", "representativeMobile"));
    }

    @Test
    void aSecondCaseForTheSameCodeIsRefusedAndOnlyStaffLearnItsNumber() {
        String uscc = RepresentativeFixture.account(context, LegalPersonType.PUBLIC_INSTITUTION);
        ChangeStarted first = changes.startAtWindow(RepresentativeFixture.request(uscc), CLERK, Locale.SIMPLIFIED_CHINESE);

        assertThatThrownBy(() -> changes.startAtWindow(RepresentativeFixture.request(uscc), CLERK, Locale.SIMPLIFIED_CHINESE))
                .hasFieldOrPropertyWithValue("messageKey", "representative.start.alreadyOpenNumber")
                .satisfies(e -> assertThat(((UserFacingException) e).arguments()).contains(first.number()));
        MobileProof proof = MobileProofFixture.proof(context, "13812345678");
        assertRefused(() -> changes.startOnline(RepresentativeFixture.request(uscc), proof, Locale.SIMPLIFIED_CHINESE),
                "representative.start.alreadyOpen");
        assertThat(changes.openDeregistration(uscc)).get().extracting(OpenDeregistration::number).isEqualTo(first.number());
    }

    @Test
    void twoStartsAtOnceForOneCodeOpenOneCase() throws Exception {
        String uscc = RepresentativeFixture.account(context, LegalPersonType.SOCIAL_ORGANISATION);
        CountDownLatch go = new CountDownLatch(1);
        Callable<String> start = () -> {
            go.await();
            try {
                return changes.startAtWindow(RepresentativeFixture.request(uscc), CLERK, Locale.SIMPLIFIED_CHINESE).number();
            } catch (UserFacingException refused) {
                return refused.messageKey();
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = new ArrayList<>(List.of(pool.submit(start), pool.submit(start)));
            go.countDown();
            List<String> answers = new ArrayList<>();
            for (Future<String> result : results) {
                answers.add(result.get());
            }
            assertThat(answers).filteredOn(a -> a.startsWith("DR")).hasSize(1);
            assertThat(answers).filteredOn(a -> a.startsWith("representative.start.alreadyOpen")).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from representative_change where open_uscc = :u").param("u", uscc)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void onlyAWindowClerkStartsAtTheWindowAndOnlyAHotlineAgentForACaller() {
        String uscc = RepresentativeFixture.account(context, LegalPersonType.ENTERPRISE);

        assertThatThrownBy(() -> changes.startAtWindow(RepresentativeFixture.request(uscc), REVIEWER, Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> changes.startForCaller(RepresentativeFixture.request(uscc), CLERK, Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(rows(uscc)).isZero();

        ChangeStarted byHotline = changes.startForCaller(RepresentativeFixture.request(uscc),
                new CurrentUser("hotline", Set.of(Role.HOTLINE_AGENT)), Locale.SIMPLIFIED_CHINESE);
        assertThat(jdbc.sql("select message_key from outbox_message where case_ref = :n").param("n", byHotline.number())
                .query(String.class).list()).as("the caller gets the link and the code by SMS")
                .containsExactly("representative.notice.accessCode.sms");
    }

    @Test
    void theNewRepresentativeStartsOnlineWithAProvenMobileAndOpensTheCaseWithTheCode() {
        String uscc = RepresentativeFixture.account(context, LegalPersonType.ORGAN);
        ChangeRequest request = RepresentativeFixture.request(uscc);
        assertThatThrownBy(() -> changes.startOnline(request, new MobileProof("nope", "000000"), Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(ChangeRefused.class)
                .satisfies(e -> assertThat(((ChangeRefused) e).errors()).extracting(ChangeRefused.FieldError::field).containsExactly("mobileCode"));

        ChangeStarted started = changes.startOnline(request, MobileProofFixture.proof(context, request.contactMobile()),
                Locale.SIMPLIFIED_CHINESE);

        assertThat(started.number()).matches("DR\\d{14}");
        assertThat(changes.open(started.number(), started.accessCode().toLowerCase(Locale.ROOT), ADDRESS).number())
                .isEqualTo(started.number());
        assertRefused(() -> changes.open(started.number(), "WRONGCOD", ADDRESS), "representative.access.denied");
        assertThat(changes.status(started.access()).state()).isEqualTo(ChangeState.AWAITING_DOCUMENTS);
        assertRefused(() -> changes.submit(started.access()), "representative.submit.missingDocuments");
    }

    @Test
    void theDeregistrationStepRunTwiceDeregistersOnce() {
        String uscc = RepresentativeFixture.account(context, LegalPersonType.ENTERPRISE);
        ChangeStarted started = RepresentativeFixture.startedWithDocuments(context, uscc);
        changes.submitAtWindow(started.number(), CLERK);
        String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(started.number()).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(pid).singleResult().getId());
        reviews.decideFirst(started.number(), new ReviewDecision.Approve(null), REVIEWER);
        reviews.decideSecond(started.number(), new ReviewDecision.Approve(null), SUPERVISOR);

        // the job retried after its commit was lost, or run by a second node: the same step again
        new TransactionTemplate(transactions).executeWithoutResult(status -> steps.deregister(started.number()));
        new TransactionTemplate(transactions).executeWithoutResult(status -> steps.deregister(started.number()));

        assertThat(accounts.history(uscc)).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(AccountStatus.DEREGISTERED));
        assertThat(jdbc.sql("select count(*) from audit_record where case_ref = :n and action in ('ACCOUNT_DEREGISTERED', :ours)")
                .param("n", started.number()).param("ours", RepresentativeSteps.AUDIT_DEREGISTERED)
                .query(Integer.class).single()).as("one audit of each").isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from outbox_message where case_ref = :n and message_key like 'representative.notice.deregistered%'")
                .param("n", started.number()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aStartedCaseNeverSubmittedStopsHoldingTheCodeAfterItsRetention() {
        String uscc = RepresentativeFixture.account(context, LegalPersonType.ENTERPRISE);
        ChangeStarted stale = changes.startAtWindow(RepresentativeFixture.request(uscc), CLERK, Locale.SIMPLIFIED_CHINESE);
        jdbc.sql("update representative_change set created_at = created_at - interval '8' day where number = :n")
                .param("n", stale.number()).update();

        ChangeStarted fresh = changes.startAtWindow(RepresentativeFixture.request(uscc), CLERK, Locale.SIMPLIFIED_CHINESE);

        assertThat(changes.openDeregistration(uscc)).get().extracting(OpenDeregistration::number).isEqualTo(fresh.number());
        assertThat(changes.status(stale.access()).state()).isEqualTo(ChangeState.WITHDRAWN);
    }

    @Test
    void theWindowSeesTheCodesCaseAndItsPeopleForTheIdentityCheck() {
        String uscc = RepresentativeFixture.account(context, LegalPersonType.ENTERPRISE);
        ChangeStarted started = changes.startAtWindow(RepresentativeFixture.request(uscc), CLERK, Locale.SIMPLIFIED_CHINESE);
        RepresentativeWindow window = context.getBean(RepresentativeWindow.class);

        assertThat(window.casesFor(uscc)).singleElement().satisfies(c -> {
            assertThat(c.caseRef()).isEqualTo(started.number());
            assertThat(c.open()).isTrue();
        });
        assertThat(window.peopleOn(started.number())).get().satisfies(people -> assertThat(people).singleElement()
                .satisfies(p -> assertThat(p.name()).isEqualTo(RepresentativeFixture.NEW_REPRESENTATIVE)));
        assertThat(window.peopleOn("RD20990101000000")).isEmpty();
    }

    private int rows(String uscc) {
        return jdbc.sql("select count(*) from representative_change where uscc = :u").param("u", uscc).query(Integer.class).single();
    }

    private static void assertRefused(Runnable act, String key) {
        assertThatThrownBy(act::run).isInstanceOf(UserFacingException.class).hasFieldOrPropertyWithValue("messageKey", key);
    }
}
