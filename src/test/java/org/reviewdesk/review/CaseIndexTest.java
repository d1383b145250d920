package org.reviewdesk.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.hotline.IntakeChannel;
import org.reviewdesk.hotline.WorkOrderCategory;
import org.reviewdesk.hotline.WorkOrderRequest;
import org.reviewdesk.hotline.WorkOrders;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.registration.DraftCreated;
import org.reviewdesk.registration.RegistrationProcess;
import org.reviewdesk.registration.RegistrationReview;
import org.reviewdesk.registration.RegistrationService;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.TestCodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The case search: real registrations and work orders write their rows as their state changes; who
 * works no process of a case never sees it; every filter narrows; opening a case is audited.
 */
@ApplicationTest
class CaseIndexTest {

    static final CurrentUser REVIEWER = new CurrentUser("reviewer", Set.of(Role.REVIEWER));
    static final CurrentUser SUPERVISOR = new CurrentUser("supervisor", Set.of(Role.SUPERVISOR));
    static final CurrentUser CLERK = new CurrentUser("window", Set.of(Role.WINDOW_CLERK));
    static final CurrentUser HANDLER = new CurrentUser("handler", Set.of(Role.HANDLER));
    static final CurrentUser AGENT = new CurrentUser("hotline", Set.of(Role.HOTLINE_AGENT));
    static final CurrentUser ADMIN = new CurrentUser("admin", Set.of(Role.ADMIN));

    @Autowired CaseIndex cases;
    @Autowired ApplicationContext context;
    @Autowired RegistrationService registrations;
    @Autowired RegistrationReview reviews;
    @Autowired Inbox inbox;
    @Autowired WorkOrders orders;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    @Test
    void aRegistrationIsFoundInEveryStateItPasses() {
        DraftCreated draft = CaseFixtures.submitted(context, "重庆案件查询贸易有限公司");
        String number = draft.applicationNumber();
        String code = registrations.form(draft.access()).uscc();

        CaseEntry received = only(new CaseQuery(number, null, null, null, null, null), REVIEWER);
        assertThat(received.phase()).isEqualTo(CasePhase.IN_PROGRESS);
        assertThat(received.stateKey()).isEqualTo("registration.state.SUBMITTED");
        assertThat(received.receivedAt()).isNotNull();
        assertThat(only(new CaseQuery(code.toLowerCase(Locale.ROOT), null, null, null, null, null), REVIEWER).caseRef())
                .as("by credit code, in any case").isEqualTo(number);
        assertThat(cases.search(new CaseQuery("案件查询贸易", null, null, null, null, null), 0, 50, REVIEWER))
                .as("by a name fragment").extracting(CaseEntry::caseRef).contains(number);

        inbox.claim(CaseFixtures.afterChecks(context, number), REVIEWER);
        reviews.decide(number, ReviewDecision.RequestDocuments.of(List.of("business-licence"), "营业执照照片模糊"), REVIEWER);
        CaseEntry waiting = only(new CaseQuery(number, null, CasePhase.WAITING_APPLICANT, null, null, null), SUPERVISOR);
        assertThat(waiting.state()).isEqualTo("AWAITING_SUPPLEMENT");
        assertThat(cases.openTask(number, SUPERVISOR)).as("the applicant's turn: no staff task").isEmpty();

        registrations.upload(draft.access(), "business-licence", "licence.png", "image/png", CaseFixtures.png());
        registrations.answerSupplement(draft.access());
        assertThat(cases.openTask(number, REVIEWER)).as("the review is back, one click away").isPresent();
        reviews.decide(number, new ReviewDecision.Approve(null), REVIEWER);

        CaseEntry approved = only(new CaseQuery(number, null, null, null, null, null), REVIEWER);
        assertThat(approved.phase()).isEqualTo(CasePhase.COMPLETED);
        assertThat(approved.decidedBy()).isEqualTo("reviewer");
        assertThat(cases.search(new CaseQuery(number, null, CasePhase.WAITING_APPLICANT, null, null, null), 0, 50, REVIEWER))
                .isEmpty();
        assertThat(cases.search(new CaseQuery(number, null, null, null, null, "reviewer"), 0, 50, REVIEWER)).hasSize(1);
    }

    @Test
    void whoWorksNoReviewProcessNeverSeesARegistration() {
        String number = draftedCase(RegistrationProcess.KEY, "RD", "成都拒看测试有限公司", CasePhase.IN_PROGRESS, null);

        assertThatThrownBy(() -> cases.search(CaseQuery.ALL, 0, 50, CLERK)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> cases.search(CaseQuery.ALL, 0, 50, ADMIN)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> cases.search(new CaseQuery(null, RegistrationProcess.KEY, null, null, null, null), 0, 50, HANDLER))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(cases.search(new CaseQuery(number, null, null, null, null, null), 0, 50, HANDLER))
                .as("a handler's search covers work orders only").isEmpty();
        assertThat(cases.open(number, HANDLER)).as("not found, as for a number that does not exist").isEmpty();
        assertThat(cases.open(number, AGENT)).isEmpty();
        assertThatThrownBy(() -> cases.open(number, CLERK)).isInstanceOf(AccessDeniedException.class);
        assertThat(audits(number)).as("a refused open leaves no view record").isZero();
        assertThat(cases.open(number, REVIEWER)).isPresent();
    }

    @Test
    void aWorkOrderIsACaseForTheHotlineAndForReviewers() {
        String number = orders.intake(new WorkOrderRequest("王先生", "13900000077", WorkOrderCategory.ENQUIRY, "询问案件查询工单能否找到",
                null, null, IntakeChannel.PHONE), AGENT, Locale.SIMPLIFIED_CHINESE);

        CaseEntry order = only(new CaseQuery(number, null, null, null, null, null), AGENT);
        assertThat(order.processKey()).isEqualTo("workOrder");
        assertThat(order.phase()).isEqualTo(CasePhase.IN_PROGRESS);
        assertThat(cases.search(new CaseQuery(number, null, null, null, null, null), 0, 50, HANDLER)).hasSize(1);
        assertThat(cases.search(new CaseQuery("工单能否", "workOrder", null, null, null, null), 0, 50, AGENT))
                .extracting(CaseEntry::caseRef).contains(number);
    }

    @Test
    void everyFilterNarrowsTheList() {
        String tag = "滤" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String early = draftedCase(RegistrationProcess.KEY, "RD", tag + "甲公司", CasePhase.COMPLETED, "reviewer",
                OffsetDateTime.of(2026, 3, 2, 2, 0, 0, 0, ZoneOffset.UTC));
        String late = draftedCase("representativeChange", "DR", tag + "乙公司", CasePhase.WAITING_APPLICANT, null,
                OffsetDateTime.of(2026, 6, 10, 2, 0, 0, 0, ZoneOffset.UTC));

        assertThat(refs(new CaseQuery(tag, null, null, null, null, null))).containsExactly(late, early);
        assertThat(refs(new CaseQuery(tag, "representativeChange", null, null, null, null))).containsExactly(late);
        assertThat(refs(new CaseQuery(tag, null, CasePhase.COMPLETED, null, null, null))).containsExactly(early);
        assertThat(refs(new CaseQuery(tag, null, null, LocalDate.of(2026, 6, 1), null, null))).containsExactly(late);
        assertThat(refs(new CaseQuery(tag, null, null, null, LocalDate.of(2026, 3, 2), null))).as("to: the whole day")
                .containsExactly(early);
        assertThat(refs(new CaseQuery(tag, null, null, null, null, "reviewer"))).containsExactly(early);
        assertThat(refs(new CaseQuery(tag + "乙", null, null, null, null, null))).containsExactly(late);
        assertThat(refs(new CaseQuery(tag + "%", null, null, null, null, null))).as("% is a character, not a wildcard").isEmpty();
        assertThat(cases.search(new CaseQuery(tag, null, null, null, null, null), 1, 50, SUPERVISOR)).extracting(CaseEntry::caseRef)
                .as("the second page").containsExactly(early);
    }

    @Test
    void aNameFragmentNeedsTwoCharactersSideBySide() {
        assertThatThrownBy(() -> cases.search(new CaseQuery("川", null, null, null, null, null), 0, 50, REVIEWER))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("review.cases.fragmentTooShort"));
        assertThatThrownBy(() -> cases.search(new CaseQuery("四 川", null, null, null, null, null), 0, 50, REVIEWER))
                .isInstanceOf(UserFacingException.class);
    }

    @Test
    void openingACaseIsAudited() {
        String number = draftedCase(RegistrationProcess.KEY, "RD", "审计打开测试有限公司", CasePhase.IN_PROGRESS, null);

        cases.open(number.toLowerCase(Locale.ROOT), REVIEWER);

        assertThat(jdbc.sql("select actor from audit_record where action = :a and case_ref = :c")
                .param("a", CaseIndex.AUDIT_VIEW).param("c", number).query(String.class).list()).containsExactly("reviewer");
    }

    private List<String> refs(CaseQuery query) {
        return cases.search(query, 0, 50, SUPERVISOR).stream().map(CaseEntry::caseRef).toList();
    }

    private CaseEntry only(CaseQuery query, CurrentUser user) {
        List<CaseEntry> found = cases.search(query, 0, 50, user);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private long audits(String number) {
        return jdbc.sql("select count(*) from audit_record where case_ref = :c").param("c", number).query(Long.class).single();
    }

    private String draftedCase(String processKey, String prefix, String title, CasePhase phase, String decidedBy) {
        return draftedCase(processKey, prefix, title, phase, decidedBy, OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** A row as a process writes it, for filters that need cases in states and on days a real case takes long to reach. */
    private String draftedCase(String processKey, String prefix, String title, CasePhase phase, String decidedBy, OffsetDateTime at) {
        String number = prefix + "20260101" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        transactions.executeWithoutResult(s -> cases.record(new CaseEntry(processKey, number, phase, phase.name(),
                "review.cases.phase." + phase.name(), TestCodes.uscc(LegalPersonType.ENTERPRISE), title, at, at, decidedBy,
                decidedBy == null ? null : at)));
        return number;
    }
}
