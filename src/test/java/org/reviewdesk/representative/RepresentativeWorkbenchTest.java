package org.reviewdesk.representative;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.RouteParameters;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.review.DocumentVerdict;
import org.reviewdesk.review.InboxQuery;
import org.reviewdesk.review.Inbox;
import org.reviewdesk.review.InboxTab;
import org.reviewdesk.review.ReviewDecision;
import org.reviewdesk.review.ReviewTask;
import org.reviewdesk.review.ReviewView;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.window.InPersonVerifications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/** Process 2 on the shared workbench: its tasks in the inbox (found by case number), its case view, four eyes in the inbox. */
class RepresentativeWorkbenchTest extends KaribuTestSupport {

    @Autowired RepresentativeChanges changes;
    @Autowired RepresentativeReview reviews;
    @Autowired Inbox inbox;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired InPersonVerifications verifications;
    @Autowired MessageSource messages;

    @Test
    void theFirstReviewIsInTheInboxAndItsCaseViewShowsTheCaseChecksAndDecision() {
        String uscc = RepresentativeFixture.account(context, LegalPersonType.ENTERPRISE);
        String number = inReview(uscc);

        List<ReviewTask> found = inbox.page(new InboxQuery(InboxTab.UNCLAIMED, RepresentativeProcess.KEY, number, null,
                InboxQuery.Sort.DUE, 0, 50), RepresentativeFixture.REVIEWER);
        assertThat(found).singleElement().satisfies(task -> {
            assertThat(task.caseRef()).isEqualTo(number);
            assertThat(task.code()).isEqualTo(uscc);
            assertThat(task.title()).startsWith("示例单位");
            assertThat(task.taskKey()).isEqualTo(RepresentativeProcess.Activity.FIRST_REVIEW);
        });
        inbox.claim(found.get(0).taskId(), RepresentativeFixture.REVIEWER);

        signInAs(RepresentativeFixture.REVIEWER.username(), Role.REVIEWER);
        UI.getCurrent().navigate(ReviewView.class, new RouteParameters("taskId", found.get(0).taskId()));

        assertThat(_get(Div.class, spec -> spec.withId("workbench-application")).getElement().getTextRecursively())
                .contains(uscc, RepresentativeFixture.OLD_REPRESENTATIVE, RepresentativeFixture.NEW_REPRESENTATIVE, "初审", "线下窗口代为申请");
        assertThat(_get(Div.class, spec -> spec.withId("workbench-checks")).getElement().getTextRecursively())
                .contains("新法定代表人与账户登记的不同");
        assertThat(_find(Div.class, spec -> spec.withId("workbench-decision"))).hasSize(1);
    }

    @Test
    void theCaseViewShowsTheIdentityCheckDoneAtTheWindow() {
        String uscc = RepresentativeFixture.account(context, LegalPersonType.ENTERPRISE);
        String number = inReview(uscc);
        signInAs("window", Role.WINDOW_CLERK);
        verifications.record(number, IdType.RESIDENT_ID, "1231002X");
        List<ReviewTask> found = inbox.page(new InboxQuery(InboxTab.UNCLAIMED, RepresentativeProcess.KEY, number, null,
                InboxQuery.Sort.DUE, 0, 50), RepresentativeFixture.REVIEWER);

        signInAs(RepresentativeFixture.REVIEWER.username(), Role.REVIEWER);
        UI.getCurrent().navigate(ReviewView.class, new RouteParameters("taskId", found.get(0).taskId()));

        assertThat(_get(Paragraph.class, spec -> spec.withId("workbench-in-person")).getElement().getTextRecursively())
                .contains("已于线下窗口现场核验身份", "1****************X");
    }

    @Test
    void theFirstReviewerCannotClaimTheSecondApprovalInTheInbox() {
        String uscc = RepresentativeFixture.account(context, LegalPersonType.ENTERPRISE);
        String number = inReview(uscc);
        reviews.decideFirst(number, new ReviewDecision.Approve(null), RepresentativeFixture.LEAD);

        List<ReviewTask> second = inbox.page(new InboxQuery(InboxTab.UNCLAIMED, RepresentativeProcess.KEY, number, null,
                InboxQuery.Sort.DUE, 0, 50), RepresentativeFixture.LEAD);
        assertThat(second).singleElement().extracting(ReviewTask::taskKey).isEqualTo(RepresentativeProcess.Activity.SECOND_APPROVAL);

        assertThatThrownBy(() -> inbox.claim(second.get(0).taskId(), RepresentativeFixture.LEAD))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("review.fourEyes.refused");
                    // the earlier step by its name in the reader's language, not the model's Chinese name
                    assertThat(messages.getMessage(e.messageKey(), e.arguments(), Locale.ENGLISH))
                            .contains("\"First review\"").doesNotContain("初审");
                    assertThat(messages.getMessage(e.messageKey(), e.arguments(), Locale.SIMPLIFIED_CHINESE)).contains("“初审”");
                });
        inbox.claim(second.get(0).taskId(), RepresentativeFixture.SUPERVISOR);
    }

    @Test
    void theSecondRoundShowsTheLastVerdictsAndKeepsAnUnchangedDocumentAccepted() {
        String uscc = RepresentativeFixture.account(context, LegalPersonType.ENTERPRISE);
        ChangeStarted started = RepresentativeFixture.startedWithDocuments(context, uscc);
        List<String> slots = changes.requiredSlots(started.access());
        String renewed = slots.get(0);
        String kept = slots.get(1);
        changes.submitAtWindow(started.number(), RepresentativeFixture.CLERK);
        afterChecks(started.number());
        reviews.decideFirst(started.number(), new ReviewDecision.RequestDocuments(List.of(
                DocumentVerdict.newVersionNeeded(renewed, "照片模糊"), DocumentVerdict.accepted(kept)), null), RepresentativeFixture.REVIEWER);
        changes.upload(started.access(), renewed, "again.png", "image/png", RepresentativeFixture.png());
        changes.answerSupplement(started.access());
        ReviewTask task = inbox.page(new InboxQuery(InboxTab.UNCLAIMED, RepresentativeProcess.KEY, started.number(), null,
                InboxQuery.Sort.DUE, 0, 50), RepresentativeFixture.REVIEWER).get(0);
        inbox.claim(task.taskId(), RepresentativeFixture.REVIEWER);

        signInAs(RepresentativeFixture.REVIEWER.username(), Role.REVIEWER);
        UI.getCurrent().navigate(ReviewView.class, new RouteParameters("taskId", task.taskId()));

        assertThat(verdict(renewed).getValue()).as("a new version is judged afresh").isNull();
        assertThat(verdict(renewed).getHelperText()).contains("照片模糊", "已上传新版本");
        assertThat(verdict(kept).getValue()).isEqualTo(DocumentVerdict.Kind.ACCEPTED);
        assertThat(verdict(kept).getHelperText()).isEqualTo("沿用上一轮：合格（材料未变）");
        assertThat(_get(Div.class, spec -> spec.withId("previous-" + renewed)).getElement().getTextRecursively())
                .contains("上一轮审核", "需要重新提交", "照片模糊", "此后已上传新版本");
        assertThat(_get(Div.class, spec -> spec.withId("previous-" + kept)).getElement().getTextRecursively())
                .contains("合格", "此后未更新");
        assertThat(_find(Div.class, spec -> spec.withId("previous-" + slots.get(2)))).as("not judged last round").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static RadioButtonGroup<DocumentVerdict.Kind> verdict(String slot) {
        return _get(RadioButtonGroup.class, spec -> spec.withId("verdict-" + slot));
    }

    private void afterChecks(String number) {
        String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(pid).singleResult().getId());
    }

    private String inReview(String uscc) {
        ChangeStarted started = RepresentativeFixture.startedWithDocuments(context, uscc);
        changes.submitAtWindow(started.number(), RepresentativeFixture.CLERK);
        afterChecks(started.number());
        return started.number();
    }
}
