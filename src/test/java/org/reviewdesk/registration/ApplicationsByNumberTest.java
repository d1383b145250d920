package org.reviewdesk.registration;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.RuleMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The look-up of an application by number: one query the first time in a transaction, none after (the
 * persistence context answers by natural id), and nothing for a number that does not exist; a check's result
 * replaced in place when the check runs again.
 */
@ApplicationTest
class ApplicationsByNumberTest {

    @Autowired ApplicationContext context;
    @Autowired RegistrationRepository applications;
    @Autowired TransactionTemplate transaction;
    @Autowired EntityManagerFactory entityManagerFactory;
    @Autowired RegistrationRecords records;

    Statistics statistics;
    DraftCreated draft;

    @BeforeEach
    void draft() {
        String mobile = "137" + String.format("%08d", (long) (Math.random() * 100_000_000L));
        ApplicantForm form = new ApplicantForm(LegalPersonType.ENTERPRISE, "深圳市按号查找示例有限公司",
                ApplicationFormViewTest.newUscc("91"), false, "张三", IdType.RESIDENT_ID, ApplicationFormViewTest.VALID_ID,
                mobile, false, null, null, null, null, mobile, null);
        draft = MobileProofFixture.createDraft(context, form);
        statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
    }

    @AfterEach
    void statisticsOff() {
        statistics.setStatisticsEnabled(false);
    }

    @Test
    void theFirstLookUpInATransactionQueriesAndTheNextOnesComeFromThePersistenceContext() {
        transaction.executeWithoutResult(status -> {
            RegistrationApplication first = applications.findByNumber(draft.applicationNumber()).orElseThrow();
            long afterFirst = statistics.getPrepareStatementCount();
            RegistrationApplication second = applications.findByNumber(draft.applicationNumber()).orElseThrow();
            RegistrationApplication third = applications.findByNumber(draft.applicationNumber()).orElseThrow();

            assertThat(afterFirst).isEqualTo(1);
            assertThat(statistics.getPrepareStatementCount()).as("statements after three look-ups").isEqualTo(1);
            assertThat(second).isSameAs(first).isSameAs(third);
            assertThat(first.number()).isEqualTo(draft.applicationNumber());
        });
    }

    @Test
    void aNumberLoadedByIdIsAlsoFoundWithoutASecondQuery() {
        transaction.executeWithoutResult(status -> {
            Long id = applications.findByNumber(draft.applicationNumber()).orElseThrow().id();
            applications.findById(id).orElseThrow();
            assertThat(applications.findByNumber(draft.applicationNumber())).isPresent();
            assertThat(statistics.getPrepareStatementCount()).isEqualTo(1);
        });
    }

    @Test
    void aCheckRunAgainReplacesItsResultAndLeavesTheOthers() {
        long id = applications.findByNumber(draft.applicationNumber()).orElseThrow().id();
        transaction.executeWithoutResult(status -> {
            records.saveCheck(id, "documents", CheckResult.Outcome.STOPPED, RuleMessage.of("check.documents.missing", "business-licence"));
            records.saveCheck(id, "identities", CheckResult.Outcome.PASSED, RuleMessage.of("check.identities.passed"));
        });
        transaction.executeWithoutResult(status ->
                records.saveCheck(id, "documents", CheckResult.Outcome.PASSED, RuleMessage.of("check.documents.passed")));

        assertThat(records.checks(id)).extracting(CheckResult::check, CheckResult::outcome, c -> c.message().key())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("documents", CheckResult.Outcome.PASSED, "check.documents.passed"),
                        org.assertj.core.groups.Tuple.tuple("identities", CheckResult.Outcome.PASSED, "check.identities.passed"));
    }

    @Test
    void anUnknownNumberIsEmpty() {
        assertThat(applications.findByNumber("RD0000000000000000")).isEmpty();
        assertThat(applications.findByNumber("")).isEmpty();
    }
}
