package org.reviewdesk.namechange;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.accounts.EnterpriseAccounts;
import org.reviewdesk.platform.Role;
import org.reviewdesk.review.CaseAdapter;
import org.reviewdesk.review.DecisionForm;
import org.reviewdesk.review.ReviewDecision;
import org.reviewdesk.review.ReviewTask;
import org.reviewdesk.rules.LegalPersonType;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The name change's workbench, built by its {@link CaseAdapter} as the review view does, on a real
 * case in review: the names beside each other, the checks, the licence, and an approval from the
 * decision form that renames the account.
 */
class NameChangeWorkbenchTest extends KaribuTestSupport {

    @Autowired List<CaseAdapter> adapters;
    @Autowired EnterpriseAccounts accounts;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired NameChangeReview reviews;
    @Autowired NameChanges changes;

    private final AtomicInteger decided = new AtomicInteger();

    @Test
    void theReviewerSeesBothNamesAndTheChecksAndApprovesFromTheForm() {
        signInAs("reviewer", Role.REVIEWER);
        String uscc = NameChangeFixture.account(context, LegalPersonType.ENTERPRISE);
        NameChangeStarted started = NameChangeFixture.started(context, uscc);
        afterChecks(started);
        CaseAdapter adapter = adapter();
        assertThat(adapter.caseRefShape().matcher(started.number()).matches()).isTrue();
        assertThat(adapter.summary(started.number()).orElseThrow().title()).contains(NameChangeFixture.NEW_NAME);

        openWorkbench(started, uscc);

        assertThat(_get(Div.class, spec -> spec.withId("workbench-application")).getElement().getTextRecursively())
                .contains(NameChangeFixture.OLD_NAME, NameChangeFixture.NEW_NAME, "线下窗口", "138****5678");
        assertThat(_get(Div.class, spec -> spec.withId("workbench-checks")).getElement().getTextRecursively())
                .contains("账户正常", "营业执照文字中有统一社会信用代码和新名称");
        assertThat(_find(Div.class, spec -> spec.withId("slot-" + NameChanges.LICENCE_SLOT))).hasSize(1);

        outcome().setValue(DecisionForm.Outcome.APPROVE);
        _click(_get(Button.class, spec -> spec.withId("decision-submit")));
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(
                _get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class, spec -> spec.withId("decision-confirm")));

        assertThat(decided).hasValue(1);
        assertThat(accounts.findActive(uscc).orElseThrow().name()).isEqualTo(NameChangeFixture.NEW_NAME);
    }

    @Test
    void theSecondRoundShowsTheLastVerdictBesideTheNewLicence() {
        signInAs("reviewer", Role.REVIEWER);
        String uscc = NameChangeFixture.account(context, LegalPersonType.ENTERPRISE);
        NameChangeStarted started = NameChangeFixture.started(context, uscc);
        afterChecks(started);
        reviews.decide(started.number(), ReviewDecision.RequestDocuments.of(List.of(NameChanges.LICENCE_SLOT), "照片模糊，请上传电子执照"),
                NameChangeFixture.REVIEWER);
        changes.supplyLicence(changes.open(started.number(), started.accessCode(), "203.0.113.7"),
                NameChangeFixture.licence(uscc, NameChangeFixture.NEW_NAME));

        openWorkbench(started, uscc);

        RadioButtonGroup<?> verdict = _get(RadioButtonGroup.class, spec -> spec.withId("verdict-" + NameChanges.LICENCE_SLOT));
        assertThat(verdict.getValue()).as("the new licence is judged afresh").isNull();
        assertThat(verdict.getHelperText()).contains("照片模糊", "已上传新版本");
        assertThat(_get(Div.class, spec -> spec.withId("previous-" + NameChanges.LICENCE_SLOT)).getElement().getTextRecursively())
                .contains("上一轮审核", "需要重新提交", "照片模糊", "此后已上传新版本");
    }

    private void afterChecks(NameChangeStarted started) {
        String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(started.number()).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(pid).singleResult().getId());
    }

    private CaseAdapter adapter() {
        return adapters.stream().filter(a -> a.processKey().equals(NameChangeProcess.KEY)).findFirst().orElseThrow();
    }

    /** The workbench as the review view builds it for the reviewer's task of the case. */
    private void openWorkbench(NameChangeStarted started, String uscc) {
        String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(started.number()).singleResult().getId();
        ReviewTask task = new ReviewTask("task-of-" + started.number(), NameChangeProcess.KEY, pid, started.number(),
                NameChangeProcess.Activity.REVIEW, "审核", List.of("reviewers"), "reviewer", OffsetDateTime.now(), null, 50,
                started.number(), NameChangeFixture.NEW_NAME, uscc, OffsetDateTime.now());
        UI.getCurrent().add(adapter().workbench(task, NameChangeFixture.REVIEWER, decided::incrementAndGet));
    }

    @SuppressWarnings("unchecked")
    private static RadioButtonGroup<DecisionForm.Outcome> outcome() {
        return _get(RadioButtonGroup.class, spec -> spec.withId("decision-outcome"));
    }
}
