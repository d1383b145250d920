package org.reviewdesk.registration;

import org.reviewdesk.review.ReviewDecision;
import org.reviewdesk.review.DocumentVerdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.review.DecisionReason;
import org.reviewdesk.review.DecisionReasons;
import org.reviewdesk.review.ReasonDraft;
import org.reviewdesk.review.StatedReason;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The decision's rules in {@link RegistrationReview#decide}, whoever calls it: verdicts per document
 * (approval refused while one needs a new version, a request needs one with a reason each), reasons
 * from the table (only active ones; the text as it was when decided), and what the applicant reads.
 */
@ApplicationTest
class RegistrationDecisionTest {

    static final CurrentUser REVIEWER = new CurrentUser("reviewer", Set.of(Role.REVIEWER));
    static final CurrentUser SUPERVISOR = new CurrentUser("supervisor", Set.of(Role.SUPERVISOR));
    static final String LICENCE = "business-licence";
    static final String ID_FRONT = "id-representative-front";

    @Autowired RegistrationService registrations;
    @Autowired RegistrationReview reviews;
    @Autowired DecisionReasons reasons;
    @Autowired ApplicationContext context;

    @Test
    void approvingIsRefusedWhileADocumentNeedsANewVersion() {
        String number = ReviewFixture.inReview(context, "贵阳示例有限公司");

        assertRefused(() -> reviews.decide(number, new ReviewDecision.Approve("好", List.of(
                DocumentVerdict.accepted(ID_FRONT), DocumentVerdict.newVersionNeeded(LICENCE, "印章不清"))), REVIEWER),
                "registration.review.approveWithNewVersionNeeded");
        assertThat(reviews.state(number, REVIEWER)).isEqualTo(RegistrationState.IN_REVIEW);

        reviews.decide(number, new ReviewDecision.Approve("好", List.of(DocumentVerdict.accepted(ID_FRONT),
                DocumentVerdict.accepted(LICENCE))), REVIEWER);
        assertThat(reviews.state(number, REVIEWER)).isEqualTo(RegistrationState.APPROVED);
        assertThat(decisionEntry(number, "DECIDED_APPROVE").verdicts()).containsExactly(
                DocumentVerdict.accepted(ID_FRONT), DocumentVerdict.accepted(LICENCE));
    }

    @Test
    void aRequestNeedsADocumentMarkedForANewVersionWithItsReason() {
        String number = ReviewFixture.inReview(context, "昆明示例有限公司");

        assertRefused(() -> reviews.decide(number, new ReviewDecision.RequestDocuments(
                List.of(DocumentVerdict.accepted(LICENCE)), "请补正"), REVIEWER), "registration.review.slotsRequired");
        assertRefused(() -> reviews.decide(number, new ReviewDecision.RequestDocuments(
                List.of(DocumentVerdict.newVersionNeeded(LICENCE, "模糊"), DocumentVerdict.newVersionNeeded(ID_FRONT, "  ")), null),
                REVIEWER), "registration.review.verdictReasonRequired");
        assertRefused(() -> reviews.decide(number, new ReviewDecision.RequestDocuments(
                List.of(DocumentVerdict.newVersionNeeded(LICENCE, "模糊"), DocumentVerdict.accepted(LICENCE)), null),
                REVIEWER), "registration.review.verdictTwice");
        assertRefused(() -> reviews.decide(number, new ReviewDecision.RequestDocuments(
                List.of(DocumentVerdict.newVersionNeeded("agent-authorisation", "缺")), null), REVIEWER),
                "registration.review.unknownSlot");
        assertRefused(() -> reviews.decide(number, new ReviewDecision.RequestDocuments(
                List.of(new DocumentVerdict(LICENCE, null, null)), null), REVIEWER), "registration.review.unknownSlot");
        assertThat(reviews.state(number, REVIEWER)).isEqualTo(RegistrationState.IN_REVIEW);
        assertThat(reviews.timeline(number, REVIEWER)).extracting(TimelineEntry::kind).doesNotContain("DECIDED_REQUEST_DOCUMENTS");
    }

    @Test
    void theApplicantReadsTheReasonPerRequestedDocument() {
        ReviewFixture.Applied applied = ReviewFixture.inReviewWithAccess(context, "南宁示例有限公司");

        reviews.decide(applied.number(), new ReviewDecision.RequestDocuments(List.of(
                DocumentVerdict.newVersionNeeded(LICENCE, "营业执照照片反光，请重新拍摄"),
                DocumentVerdict.accepted(ID_FRONT)), "其余材料无误"), REVIEWER);

        SupplementRequest request = registrations.status(applied.access()).supplement();
        assertThat(request.slots()).containsExactly(LICENCE);
        assertThat(request.reasons()).containsExactly(java.util.Map.entry(LICENCE, "营业执照照片反光，请重新拍摄"));
        assertThat(request.note()).isEqualTo("其余材料无误");
        assertThat(registrations.status(applied.access()).timeline()).allSatisfy(e -> assertThat(e.verdicts()).isEmpty());
        assertThat(decisionEntry(applied.number(), "DECIDED_REQUEST_DOCUMENTS").verdicts()).containsExactly(
                DocumentVerdict.newVersionNeeded(LICENCE, "营业执照照片反光，请重新拍摄"), DocumentVerdict.accepted(ID_FRONT));
    }

    @Test
    void aRejectionKeepsTheReasonsTextAsItWasWhenDecided() {
        String code = "T_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
        DecisionReason added = reasons.add(RegistrationProcess.KEY, new ReasonDraft(code, "经营范围不符。", "Scope does not match.",
                false, 9000), SUPERVISOR);
        try {
            ReviewFixture.Applied applied = ReviewFixture.inReviewWithAccess(context, "海口示例有限公司");
            reviews.decide(applied.number(), new ReviewDecision.Reject(List.of("OTHER", code, "DOCUMENT_UNREADABLE"),
                    "详见说明"), REVIEWER);

            reasons.update(added.id(), new ReasonDraft(code, "改过的文字。", "Changed text.", false, 9000), SUPERVISOR);

            List<StatedReason> stated = registrations.status(applied.access()).rejectionReasons();
            assertThat(stated).extracting(StatedReason::code).as("in the list's order").containsExactly("DOCUMENT_UNREADABLE", "OTHER", code);
            assertThat(stated.get(2).text(Locale.SIMPLIFIED_CHINESE)).isEqualTo("经营范围不符。");
            assertThat(stated.get(2).text(Locale.ENGLISH)).isEqualTo("Scope does not match.");
        } finally {
            reasons.setActive(added.id(), false, SUPERVISOR);
        }
    }

    @Test
    void onlyActiveReasonsOfTheProcessAreAccepted() {
        String number = ReviewFixture.inReview(context, "拉萨示例有限公司");
        String code = "T_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
        DecisionReason added = reasons.add(RegistrationProcess.KEY, new ReasonDraft(code, "临时原因。", "Temporary.", false, 9001),
                SUPERVISOR);
        reasons.setActive(added.id(), false, SUPERVISOR);

        assertRefused(() -> reviews.decide(number, new ReviewDecision.Reject(List.of(code), null), REVIEWER),
                "review.reason.notOffered");
        assertRefused(() -> reviews.decide(number, new ReviewDecision.Reject(List.of("NO_SUCH_REASON"), null), REVIEWER),
                "review.reason.notOffered");
        assertThatThrownBy(() -> reviews.decide(number, new ReviewDecision.Reject(List.of("OTHER"), null), REVIEWER))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("registration.review.reasonNeedsText");
                    assertThat(e.arguments()).containsExactly("其他原因（见说明）");
                });
        assertThat(reviews.state(number, REVIEWER)).isEqualTo(RegistrationState.IN_REVIEW);
    }

    private TimelineEntry decisionEntry(String number, String kind) {
        return reviews.timeline(number, REVIEWER).stream().filter(e -> e.kind().equals(kind)).reduce((a, b) -> b).orElseThrow();
    }

    private static void assertRefused(Runnable act, String key) {
        assertThatThrownBy(act::run).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    /** Issue 15: the texts of a decision reach the applicant; one with a direction override is refused, the task stays open. */
    @Test
    void aDecisionWhoseTextHidesCharactersIsRefusedAndTheApplicationStaysInReview() {
        String number = ReviewFixture.inReview(context, "西宁示例有限公司");

        assertRefused(() -> reviews.decide(number, ReviewDecision.RequestDocuments.of(List.of(LICENCE), "印章\u202E不清"), REVIEWER),
                "rules.text.hidden");
        assertRefused(() -> reviews.decide(number, new ReviewDecision.Approve("好\u200B"), REVIEWER), "rules.text.hidden");
        assertThat(reviews.state(number, REVIEWER)).isEqualTo(RegistrationState.IN_REVIEW);
    }
}
