package org.reviewdesk.namechange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.reviewdesk.namechange.NameChangeFixture.CLERK;
import static org.reviewdesk.namechange.NameChangeFixture.NEW_NAME;
import static org.reviewdesk.namechange.NameChangeFixture.OLD_NAME;
import static org.reviewdesk.namechange.NameChangeFixture.REVIEWER;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.registration.TestDocuments;
import org.reviewdesk.review.ReviewDecision;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.window.OrganisationCase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * A name change started first and completed after, as the window (and the public API) does it: the
 * licence scanned into its one slot, the submit that starts the process, the receipt printed for the
 * walk-in applicant; the window's list of a code's cases; the code held by the started case.
 */
@ApplicationTest
class NameChangeWindowAndDraftTest {

    @Autowired ApplicationContext context;
    @Autowired NameChanges changes;
    @Autowired NameChangeReview reviews;
    @Autowired NameChangeWindow window;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired JdbcClient jdbc;

    @Test
    void aClerkStartsScansSubmitsAndPrintsTheReceipt() throws IOException {
        String uscc = NameChangeFixture.account(context, LegalPersonType.ENTERPRISE);
        NameChangeStarted started = changes.startAtWindow(NameChangeFixture.request(uscc, NEW_NAME), CLERK, Locale.SIMPLIFIED_CHINESE);
        assertThat(state(started)).isEqualTo(NameChangeState.STARTED);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(started.number()).count())
                .as("no process before the submit").isZero();
        assertThatThrownBy(() -> changes.receiptPdf(started.number(), CLERK))
                .hasFieldOrPropertyWithValue("messageKey", "namechange.receipt.notYet");

        changes.uploadAtWindow(started.number(), NameChanges.LICENCE_SLOT, "scan.pdf", "application/pdf",
                new ByteArrayInputStream(TestDocuments.pdf("Business licence " + uscc + " " + NEW_NAME)), CLERK);
        changes.submitAtWindow(started.number(), CLERK);

        assertThat(state(started)).isEqualTo(NameChangeState.CHECKING);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(started.number()).count()).isEqualTo(1);
        String receipt = text(changes.receiptPdf(started.number(), CLERK));
        assertThat(receipt).contains("企业名称变更受理回执", started.number(), uscc, squeezed(OLD_NAME), squeezed(NEW_NAME), "线下窗口");
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'NAME_CHANGE_RECEIPT_PRINTED' and case_ref = :n")
                .param("n", started.number()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void onceRenamedTheReceiptIsTheConfirmationOfOldNameToNewName() throws IOException {
        String uscc = NameChangeFixture.account(context, LegalPersonType.ENTERPRISE);
        NameChangeStarted started = NameChangeFixture.started(context, uscc);
        String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(started.number()).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(pid).singleResult().getId());
        NameChangeAccess access = changes.open(started.number(), started.accessCode(), "192.0.2.40");
        assertThat(text(changes.receiptPdf(access))).contains("受理回执", "审核时限为5个工作日");

        reviews.decide(started.number(), new ReviewDecision.Approve(null), REVIEWER);

        NameChangeStatus status = changes.status(access);
        assertThat(status.receiptAvailable()).isTrue();
        String confirmation = text(changes.receiptPdf(access));
        assertThat(status.renamedAt()).isNotNull();
        assertThat(confirmation).contains("企业名称变更确认书", "由“" + squeezed(OLD_NAME) + "”变更为“" + squeezed(NEW_NAME) + "”",
                started.number(), "变更时间");
    }

    @Test
    void theLicenceGoesIntoItsOneSlotOnlyWhileTheCaseIsStarted() {
        String uscc = NameChangeFixture.account(context, LegalPersonType.ENTERPRISE);
        NameChangeStarted started = changes.startAtWindow(NameChangeFixture.request(uscc, NEW_NAME), CLERK, null);

        assertThatThrownBy(() -> changes.uploadAtWindow(started.number(), "statement", "a.pdf", "application/pdf",
                new ByteArrayInputStream(TestDocuments.pdf("x")), CLERK))
                .hasFieldOrPropertyWithValue("messageKey", "namechange.upload.unknownSlot");
        assertThatThrownBy(() -> changes.submitAtWindow(started.number(), CLERK))
                .as("no submit without the licence").hasFieldOrPropertyWithValue("messageKey", "namechange.start.licenceRequired");
        assertThatThrownBy(() -> changes.uploadAtWindow(started.number(), NameChanges.LICENCE_SLOT, "a.pdf", "application/pdf",
                new ByteArrayInputStream("<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)), CLERK))
                .as("the inspection refuses what is no PDF or image").isInstanceOf(UserFacingException.class);
        assertThat(state(started)).isEqualTo(NameChangeState.STARTED);

        changes.uploadAtWindow(started.number(), NameChanges.LICENCE_SLOT, "a.png", "image/png",
                new ByteArrayInputStream(TestDocuments.png()), CLERK);
        changes.submitAtWindow(started.number(), CLERK);
        assertThatThrownBy(() -> changes.submitAtWindow(started.number(), CLERK))
                .hasFieldOrPropertyWithValue("messageKey", "namechange.submit.alreadySubmitted");
        assertThatThrownBy(() -> changes.uploadAtWindow(started.number(), NameChanges.LICENCE_SLOT, "b.png", "image/png",
                new ByteArrayInputStream(TestDocuments.png()), CLERK))
                .hasFieldOrPropertyWithValue("messageKey", "namechange.upload.notNow");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(started.number()).count()).isEqualTo(1);
    }

    @Test
    void onlyAWindowClerkScansSubmitsAndPrints() {
        String uscc = NameChangeFixture.account(context, LegalPersonType.ENTERPRISE);
        NameChangeStarted started = changes.startAtWindow(NameChangeFixture.request(uscc, NEW_NAME), CLERK, null);
        for (CurrentUser notClerk : Set.of(REVIEWER, new CurrentUser("agent", Set.of(Role.HOTLINE_AGENT)),
                new CurrentUser("boss", Set.of(Role.SUPERVISOR, Role.ADMIN)))) {
            assertThatThrownBy(() -> changes.startAtWindow(NameChangeFixture.request(uscc, NEW_NAME), notClerk, null))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> changes.uploadAtWindow(started.number(), NameChanges.LICENCE_SLOT, "a.png", "image/png",
                    new ByteArrayInputStream(TestDocuments.png()), notClerk)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> changes.submitAtWindow(started.number(), notClerk)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> changes.receiptPdf(started.number(), notClerk)).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(state(started)).isEqualTo(NameChangeState.STARTED);
    }

    @Test
    void aStartedCaseHoldsTheCodeAndTheClerkIsToldItsNumber() {
        String uscc = NameChangeFixture.account(context, LegalPersonType.ENTERPRISE);
        NameChangeStarted first = changes.startAtWindow(NameChangeFixture.request(uscc, NEW_NAME), CLERK, null);

        assertThatThrownBy(() -> changes.startAtWindow(NameChangeFixture.request(uscc, "Another Name Co Ltd"), CLERK, null))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("namechange.start.alreadyOpenNumber");
                    assertThat(e.arguments()).containsExactly(first.number());
                });
        assertThat(jdbc.sql("select count(*) from name_change where open_uscc = :u").param("u", uscc).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void aStartedCaseNeverSubmittedIsReleasedByTheNextStartAfterTheRetention() {
        String uscc = NameChangeFixture.account(context, LegalPersonType.ENTERPRISE);
        NameChangeStarted stale = changes.startAtWindow(NameChangeFixture.request(uscc, NEW_NAME), CLERK, null);
        jdbc.sql("update name_change set created_at = created_at - interval '8' day where number = :n").param("n", stale.number()).update();

        NameChangeStarted fresh = changes.startAtWindow(NameChangeFixture.request(uscc, NEW_NAME), CLERK, null);

        assertThat(state(stale)).isEqualTo(NameChangeState.WITHDRAWN);
        assertThat(state(fresh)).isEqualTo(NameChangeState.STARTED);
        assertThatThrownBy(() -> changes.submitAtWindow(stale.number(), CLERK))
                .hasFieldOrPropertyWithValue("messageKey", "namechange.submit.withdrawn");
    }

    @Test
    void theWindowListsTheCodesNameChangesOpenAndClosed() {
        String uscc = NameChangeFixture.account(context, LegalPersonType.ENTERPRISE);
        NameChangeStarted started = changes.startAtWindow(NameChangeFixture.request(uscc, NEW_NAME), CLERK, null);

        List<OrganisationCase> cases = window.casesFor(uscc.toLowerCase(Locale.ROOT));

        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.caseRef()).isEqualTo(started.number());
            assertThat(c.processKey()).isEqualTo(NameChangeProcess.KEY);
            assertThat(c.stateLabelKey()).isEqualTo("namechange.state.STARTED");
            assertThat(c.open()).isTrue();
        });
        assertThat(window.peopleOn(started.number())).as("the applicant whose ID the clerk checks").hasValueSatisfying(people ->
                assertThat(people).singleElement().satisfies(p -> {
                    assertThat(p.role()).isEqualTo("APPLICANT");
                    assertThat(p.idNumber()).isEqualTo(NameChangeFixture.APPLICANT_ID);
                }));
        assertThat(window.peopleOn("DR20990101000000")).as("not a name change").isEmpty();
        assertThat(window.casesFor(" ")).isEmpty();
    }

    private NameChangeState state(NameChangeStarted started) {
        return NameChangeState.valueOf(jdbc.sql("select state from name_change where number = :n").param("n", started.number())
                .query(String.class).single());
    }

    static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", "");
        }
    }
}
