package org.reviewdesk.registration;

import org.reviewdesk.review.ReviewDecision;
import org.reviewdesk.review.DocumentVerdict;
import org.reviewdesk.platform.BusinessTime;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.documents.intake.DocumentService;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.review.DecisionForm;
import org.reviewdesk.review.DecisionReason;
import org.reviewdesk.review.ReviewTask;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The registration workbench on its own, on a real application in review: what the reviewer reads
 * (masked numbers, checks, documents) and what the decision form sends to {@link RegistrationReview}.
 */
class RegistrationWorkbenchTest extends KaribuTestSupport {

    @Autowired RegistrationService registrations;
    @Autowired RegistrationReview reviews;
    @Autowired DocumentService documents;
    @Autowired BusinessTime time;

    private final AtomicInteger decided = new AtomicInteger();

    private RegistrationWorkbench open(String number, String assignee, CurrentUser user) {
        ReviewTask task = new ReviewTask("task-of-" + number, RegistrationProcess.KEY, "pi", number, "review", "人工审核",
                List.of("reviewers"), assignee, OffsetDateTime.now(), OffsetDateTime.now().plusDays(5), 50,
                number, "成都示例", null, OffsetDateTime.now());
        RegistrationWorkbench workbench = new RegistrationWorkbench(reviews, documents, context.getBean(org.reviewdesk.review.ColleagueNames.class), task, user, time, decided::incrementAndGet);
        UI.getCurrent().add(workbench);
        return workbench;
    }

    private static CurrentUser reviewer(String name) {
        return new CurrentUser(name, Set.of(Role.REVIEWER));
    }

    @Test
    void showsTheApplicationWithMaskedNumbersAndItsChecks() {
        signInAs("wb-reader", Role.REVIEWER);
        String number = ReviewFixture.inReview(context, "重庆示例商贸有限公司");
        open(number, null, reviewer("wb-reader"));

        String data = _get(Div.class, spec -> spec.withId("workbench-application")).getElement().getTextRecursively();
        assertThat(data).contains("重庆示例商贸有限公司", "1****************X", "138****5678", "企业")
                .doesNotContain(ReviewFixture.REPRESENTATIVE_ID, ReviewFixture.MOBILE);
        String checks = _get(Div.class, spec -> spec.withId("workbench-checks")).getElement().getTextRecursively();
        assertThat(checks).contains("统一社会信用代码有效", "通过");
        assertThat(_find(Div.class, spec -> spec.withId("slot-business-licence"))).hasSize(1);
        assertThat(_find(Div.class, spec -> spec.withId("slot-id-representative-front"))).hasSize(1);
    }

    @Test
    void aTaskNotAssignedToTheUserShowsAHintInsteadOfTheForm() {
        signInAs("wb-other", Role.REVIEWER);
        String number = ReviewFixture.inReview(context, "西安示例有限公司");
        open(number, "someone-else", reviewer("wb-other"));

        assertThat(_find(Div.class, spec -> spec.withId("workbench-decision"))).isEmpty();
        assertThat(_get(Div.class, spec -> spec.withId("decision-claim-hint")).getElement().getTextRecursively())
                .contains("请先领取");
    }

    @Test
    void rejectingWithoutAReasonIsRefusedAtTheForm() {
        signInAs("wb-rejecter", Role.REVIEWER);
        String number = ReviewFixture.inReview(context, "武汉示例有限公司");
        RegistrationWorkbench workbench = open(number, "wb-rejecter", reviewer("wb-rejecter"));

        outcome().setValue(DecisionForm.Outcome.REJECT);
        _click(_get(Button.class, spec -> spec.withId("decision-submit")));

        Div error = _get(Div.class, spec -> spec.withId("decision-error"));
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("驳回时请至少选择一项原因。");
        assertThat(decided).hasValue(0);
        assertThat(reviews.state(number, reviewer("wb-rejecter"))).isEqualTo(RegistrationState.IN_REVIEW);
    }

    @Test
    void otherAsAReasonNeedsAnExplanation() {
        signInAs("wb-other-reason", Role.REVIEWER);
        String number = ReviewFixture.inReview(context, "长沙示例有限公司");
        RegistrationWorkbench workbench = open(number, "wb-other-reason", reviewer("wb-other-reason"));

        outcome().setValue(DecisionForm.Outcome.REJECT);
        reasons().setValue(Set.of(offered("OTHER")));
        _click(_get(Button.class, spec -> spec.withId("decision-submit")));
        confirmDecision();

        assertThat(_get(Div.class, spec -> spec.withId("decision-error")).getText()).isEqualTo("选择“其他原因（见说明）”时请填写补充说明。");

        _setValue(_get(TextArea.class, spec -> spec.withId("decision-reject-text")), "营业执照已注销");
        _click(_get(Button.class, spec -> spec.withId("decision-submit")));
        confirmDecision();
        assertThat(decided).hasValue(1);
        assertThat(reviews.state(number, reviewer("wb-other-reason"))).isEqualTo(RegistrationState.REJECTED);
    }

    @Test
    void requestingOneDocumentAgainAwaitsTheApplicantsSupplement() {
        signInAs("wb-requester", Role.REVIEWER);
        String number = ReviewFixture.inReview(context, "南京示例有限公司");
        RegistrationWorkbench workbench = open(number, "wb-requester", reviewer("wb-requester"));

        verdict("business-licence").setValue(DocumentVerdict.Kind.NEW_VERSION_NEEDED);
        outcome().setValue(DecisionForm.Outcome.REQUEST_DOCUMENTS);
        _click(_get(Button.class, spec -> spec.withId("decision-submit")));
        assertThat(_get(Div.class, spec -> spec.withId("decision-error")).getText())
                .as("a document needing a new version needs its reason").startsWith("标为“需要重新提交”的每份材料都须写明原因");

        assertThat(verdictReason("business-licence").isVisible()).isTrue();
        _setValue(verdictReason("business-licence"), "营业执照照片模糊，请重新上传");
        verdict("id-representative-front").setValue(DocumentVerdict.Kind.ACCEPTED);
        _click(_get(Button.class, spec -> spec.withId("decision-submit")));

        assertThat(decided).hasValue(1);
        assertThat(reviews.state(number, reviewer("wb-requester"))).isEqualTo(RegistrationState.AWAITING_SUPPLEMENT);
        TimelineEntry request = reviews.timeline(number, reviewer("wb-requester")).stream()
                .filter(e -> e.kind().equals("DECIDED_REQUEST_DOCUMENTS")).findFirst().orElseThrow();
        assertThat(request.verdicts()).containsExactly(
                DocumentVerdict.newVersionNeeded("business-licence", "营业执照照片模糊，请重新上传"),
                DocumentVerdict.accepted("id-representative-front"));
    }

    @Test
    void theReasonListComesFromTheTableInItsOrder() {
        signInAs("wb-reasons", Role.REVIEWER);
        String number = ReviewFixture.inReview(context, "福州示例有限公司");
        RegistrationWorkbench workbench = open(number, "wb-reasons", reviewer("wb-reasons"));

        assertThat(reasons().getListDataView().getItems().map(DecisionReason::code).toList()).containsSubsequence(
                "DOCUMENT_UNREADABLE", "DOCUMENT_INCONSISTENT", "NOT_THE_LEGAL_PERSON", "REGISTERED_IN_SICHUAN",
                "IDENTITY_NOT_VERIFIED", "OTHER");
        assertThat(reasons().getItemLabelGenerator().apply(offered("REGISTERED_IN_SICHUAN")))
                .isEqualTo("该主体在四川省内登记，请在四川政务服务网自行注册。");
    }

    @Test
    void approvingIsRefusedWhileADocumentNeedsANewVersion() {
        signInAs("wb-approver", Role.REVIEWER);
        String number = ReviewFixture.inReview(context, "厦门示例有限公司");
        RegistrationWorkbench workbench = open(number, "wb-approver", reviewer("wb-approver"));

        verdict("business-licence").setValue(DocumentVerdict.Kind.NEW_VERSION_NEEDED);
        _setValue(verdictReason("business-licence"), "印章不清晰");
        outcome().setValue(DecisionForm.Outcome.APPROVE);
        _click(_get(Button.class, spec -> spec.withId("decision-submit")));

        assertThat(_get(Div.class, spec -> spec.withId("decision-error")).getText()).startsWith("仍有材料标为“需要重新提交”，不能通过");
        assertThat(decided).hasValue(0);
        assertThat(reviews.state(number, reviewer("wb-approver"))).isEqualTo(RegistrationState.IN_REVIEW);

        verdict("business-licence").setValue(DocumentVerdict.Kind.ACCEPTED);
        assertThat(verdictReason("business-licence").isVisible()).isFalse();
        _click(_get(Button.class, spec -> spec.withId("decision-submit")));
        assertThat(decided).as("not before it is confirmed").hasValue(0);
        confirmDecision();
        assertThat(decided).hasValue(1);
        assertThat(reviews.state(number, reviewer("wb-approver"))).isEqualTo(RegistrationState.APPROVED);
    }

    /** An application whose reviewer made this request, answered by the applicant with a new licence. */
    private ReviewFixture.Applied answeredWithANewLicence(String name, ReviewDecision.RequestDocuments request, CurrentUser by) {
        ReviewFixture.Applied applied = ReviewFixture.inReviewWithAccess(context, name);
        reviews.decide(applied.number(), request, by);
        registrations.upload(applied.access(), "business-licence", "营业执照-清晰.png", "image/png",
                new java.io.ByteArrayInputStream(TestDocuments.png()));
        registrations.answerSupplement(applied.access());
        return applied;
    }

    private static void confirmDecision() {
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("decision-confirm")));
    }

    @SuppressWarnings("unchecked")
    private static RadioButtonGroup<DecisionForm.Outcome> outcome() {
        return _get(RadioButtonGroup.class, spec -> spec.withId("decision-outcome"));
    }

    @SuppressWarnings("unchecked")
    private static CheckboxGroup<DecisionReason> reasons() {
        return byId(CheckboxGroup.class, "decision-reasons");
    }

    @SuppressWarnings("unchecked")
    private static RadioButtonGroup<DocumentVerdict.Kind> verdict(String slot) {
        return _get(RadioButtonGroup.class, spec -> spec.withId("verdict-" + slot));
    }

    private static TextArea verdictReason(String slot) {
        return byId(TextArea.class, "verdict-reason-" + slot);
    }

    /** A field of the form by id, shown or not (Karibu's locators find shown ones only). */
    private static <T extends com.vaadin.flow.component.Component> T byId(Class<T> type, String id) {
        return descendants(UI.getCurrent()).filter(type::isInstance).map(type::cast)
                .filter(c -> c.getId().filter(id::equals).isPresent()).findFirst().orElseThrow();
    }

    private static java.util.stream.Stream<com.vaadin.flow.component.Component> descendants(com.vaadin.flow.component.Component c) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(c), c.getChildren().flatMap(RegistrationWorkbenchTest::descendants));
    }

    private static DecisionReason offered(String code) {
        return reasons().getListDataView().getItems().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void aTaskSomeoneElseClaimedCannotBeDecided() {
        signInAs("wb-late", Role.REVIEWER);
        String number = ReviewFixture.inReview(context, "杭州示例有限公司");
        reviews.decide(number, new ReviewDecision.Approve(null), reviewer("wb-first"));
        RegistrationWorkbench workbench = open(number, "wb-late", reviewer("wb-late"));

        outcome().setValue(DecisionForm.Outcome.APPROVE);
        _click(_get(Button.class, spec -> spec.withId("decision-submit")));
        confirmDecision();

        assertThat(_get(Div.class, spec -> spec.withId("decision-error")).getText()).contains("wb-first");
        assertThat(decided).hasValue(0);
    }

    @Test
    void aNewVersionAfterARequestIsShownBesideTheOldOne() {
        signInAs("wb-versions", Role.REVIEWER);
        ReviewFixture.Applied applied = answeredWithANewLicence("郑州示例有限公司",
                ReviewDecision.RequestDocuments.of(List.of("business-licence"), "照片模糊"), reviewer("wb-versions"));

        open(applied.number(), "wb-versions", reviewer("wb-versions"));

        Div versions = _get(Div.class, spec -> spec.withId("versions-business-licence"));
        assertThat(versions.getClassNames()).contains("workbench-slot__versions--compare");
        assertThat(versions.getChildren().map(c -> c.getElement().getAttribute("data-version")).toList()).containsExactly("2", "1");
        assertThat(_get(Div.class, spec -> spec.withId("slot-business-licence")).getElement().getTextRecursively())
                .contains("已要求补正");
    }

    @Test
    void theSecondRoundShowsTheLastVerdictsAndKeepsAnUnchangedDocumentAccepted() {
        signInAs("wb-round", Role.REVIEWER);
        ReviewFixture.Applied applied = answeredWithANewLicence("太原示例有限公司", new ReviewDecision.RequestDocuments(List.of(
                DocumentVerdict.newVersionNeeded("business-licence", "照片模糊"),
                DocumentVerdict.accepted("id-representative-front")), null), reviewer("wb-round"));

        open(applied.number(), "wb-round", reviewer("wb-round"));

        assertThat(verdict("business-licence").getValue()).as("a new version is judged afresh").isNull();
        assertThat(verdict("business-licence").getHelperText()).isEqualTo("上一轮：需要重新提交 · 照片模糊（已上传新版本，请重新审核）");
        assertThat(verdict("id-representative-front").getValue()).isEqualTo(DocumentVerdict.Kind.ACCEPTED);
        assertThat(verdict("id-representative-front").getHelperText()).isEqualTo("沿用上一轮：合格（材料未变）");
        assertThat(verdict("id-representative-back").getValue()).as("not judged last round").isNull();
        assertThat(_get(Div.class, spec -> spec.withId("previous-business-licence")).getElement().getTextRecursively())
                .contains("上一轮审核", "需要重新提交", "照片模糊", "此后已上传新版本");
        assertThat(_get(Div.class, spec -> spec.withId("previous-id-representative-front")).getElement().getTextRecursively())
                .contains("合格", "此后未更新");
        assertThat(_find(Div.class, spec -> spec.withId("previous-id-representative-back"))).isEmpty();
    }

    @Test
    void theTimelineNamesColleaguesByNameWithTheUsernameOnHover() {
        signInAs("reviewer", Role.REVIEWER);
        ReviewFixture.Applied applied = ReviewFixture.inReviewWithAccess(context, "石家庄示例有限公司");
        reviews.decide(applied.number(), ReviewDecision.RequestDocuments.of(List.of("business-licence"), "照片模糊"),
                reviewer("reviewer"));

        open(applied.number(), null, reviewer("reviewer"));

        List<Span> actors = _find(Span.class, spec -> spec.withClasses("workbench-timeline__actor"));
        assertThat(actors).extracting(Span::getText).contains("审核员 王芳", "系统", "申请人").doesNotContain("reviewer", "system");
        Span colleague = actors.stream().filter(a -> a.getText().equals("审核员 王芳")).findFirst().orElseThrow();
        assertThat(colleague.getTitle()).hasValue("reviewer");
    }

    @Test
    void thePreviewPagesAreServedFromTheDocumentService() {
        signInAs("wb-pages", Role.REVIEWER);
        String number = ReviewFixture.inReview(context, "合肥示例有限公司");
        open(number, null, reviewer("wb-pages"));
        Div slot = _get(Div.class, spec -> spec.withId("slot-business-licence"));
        // rendered or still pending: either a page image or the pending note, never an error
        boolean image = !_find(slot, Image.class).isEmpty();
        assertThat(image || slot.getElement().getTextRecursively().contains("预览")).isTrue();
    }
}
