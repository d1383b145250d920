package org.reviewdesk.representative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.reviewdesk.representative.RepresentativeFixture.CLERK;
import static org.reviewdesk.representative.RepresentativeFixture.REVIEWER;
import static org.reviewdesk.representative.RepresentativeFixture.SUPERVISOR;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.review.ReviewDecision;
import org.reviewdesk.rules.LegalPersonType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/** Process 2's receipts: what they say, what they never say, and when they exist. */
@ApplicationTest
class RepresentativeReceiptsTest {

    @Autowired ApplicationContext context;
    @Autowired RepresentativeChanges changes;
    @Autowired RepresentativeReview reviews;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;

    @Test
    void theAcceptanceReceiptListsTheCaseAndTheDocumentsReceivedWithoutFullIdNumbers() throws IOException {
        String uscc = RepresentativeFixture.account(context, LegalPersonType.PUBLIC_INSTITUTION);
        ChangeStarted started = submitted(uscc);

        String text = text(changes.receipt(started.access(), ChangeReceipt.ACCEPTANCE));

        assertThat(text).contains("受理回执", started.number(), uscc, "示例单位", "法定代表人已变更", "收取材料",
                "新法定代表人身份证人像面", "张*", "138****5678");
        assertThat(text).doesNotContain("11010519491231002X", "13812345678");
    }

    @Test
    void theDeregistrationReceiptSaysDeregisteredAndNamesNoApprover() throws IOException {
        String uscc = RepresentativeFixture.account(context, LegalPersonType.PUBLIC_INSTITUTION);
        ChangeStarted started = submitted(uscc);
        reviews.decideFirst(started.number(), new ReviewDecision.Approve(null), REVIEWER);
        reviews.decideSecond(started.number(), new ReviewDecision.Approve(null), SUPERVISOR);

        String text = text(changes.receiptAtWindow(started.number(), ChangeReceipt.DEREGISTRATION, CLERK));

        assertThat(text).contains("注销回执", started.number(), uscc, "示例单位", "法定代表人已变更", "已注销", "/apply?uscc=" + uscc);
        assertThat(text).doesNotContain(REVIEWER.username(), SUPERVISOR.username());
        assertThat(changes.status(started.access()).receipts()).containsExactly(ChangeReceipt.ACCEPTANCE, ChangeReceipt.DEREGISTRATION);
    }

    @Test
    void noReceiptBeforeItsMoment() {
        String uscc = RepresentativeFixture.account(context, LegalPersonType.PUBLIC_INSTITUTION);
        ChangeStarted started = RepresentativeFixture.startedWithDocuments(context, uscc);

        assertThat(changes.status(started.access()).receipts()).isEmpty();
        assertThatThrownBy(() -> changes.receipt(started.access(), ChangeReceipt.ACCEPTANCE))
                .isInstanceOf(UserFacingException.class).hasFieldOrPropertyWithValue("messageKey", "representative.receipt.notYet");
        changes.submitAtWindow(started.number(), CLERK);
        assertThatThrownBy(() -> changes.receipt(started.access(), ChangeReceipt.DEREGISTRATION))
                .isInstanceOf(UserFacingException.class).hasFieldOrPropertyWithValue("messageKey", "representative.receipt.notYet");
    }

    @Test
    void onlyAWindowClerkPrintsAReceiptWithoutTheAccessCode() {
        String uscc = RepresentativeFixture.account(context, LegalPersonType.PUBLIC_INSTITUTION);
        ChangeStarted started = submitted(uscc);

        assertThatThrownBy(() -> changes.receiptAtWindow(started.number(), ChangeReceipt.ACCEPTANCE, REVIEWER))
                .isInstanceOf(AccessDeniedException.class);
    }

    private ChangeStarted submitted(String uscc) {
        ChangeStarted started = RepresentativeFixture.startedWithDocuments(context, uscc);
        changes.submitAtWindow(started.number(), CLERK);
        String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(started.number()).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(pid).singleResult().getId());
        return started;
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", "");
        }
    }
}
