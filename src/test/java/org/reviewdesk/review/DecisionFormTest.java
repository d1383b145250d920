package org.reviewdesk.review;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;

/** The decision form every process's workbench uses: what it fires, and that it fires nothing incomplete. */
class DecisionFormTest extends KaribuTestSupport {

    static final DecisionReason UNREADABLE = new DecisionReason(1, "p", "UNREADABLE", "材料无法辨认。", "Unreadable.", false, true, 1);
    static final DecisionReason OTHER = new DecisionReason(2, "p", "OTHER", "其他原因。", "Other.", true, true, 9);

    static final String CASE = "RD20261204000001";

    final List<ReviewDecision> fired = new ArrayList<>();
    DecisionForm form;

    @BeforeEach
    void form() {
        form = form(Map.of());
    }

    private DecisionForm form(Map<String, PreviousRound.Verdict> previous) {
        UI.getCurrent().removeAll();
        DecisionForm shown = new DecisionForm(CASE, List.of(new DecisionForm.Slot("licence", "review.test.licence"),
                new DecisionForm.Slot("id-front", "review.test.idFront")), List.of(OTHER, UNREADABLE), previous);
        shown.addSubmitListener(e -> fired.add(e.decision()));
        UI.getCurrent().add(shown);
        return shown;
    }

    private static ConfirmDialog confirmation() {
        return _get(ConfirmDialog.class, spec -> spec.withId("decision-confirm"));
    }

    private static String confirmationText() {
        return _get(Div.class, spec -> spec.withClasses("workbench-decision__confirm")).getElement().getTextRecursively();
    }

    @SuppressWarnings("unchecked")
    private static <T> RadioButtonGroup<T> radio(String id) {
        return _get(RadioButtonGroup.class, spec -> spec.withId(id));
    }

    @Test
    void aRequestCarriesEachVerdictWithItsReason() {
        radio("verdict-licence").setValue(DocumentVerdict.Kind.NEW_VERSION_NEEDED);
        _setValue(_get(TextArea.class, spec -> spec.withId("verdict-reason-licence")), "印章不清晰");
        radio("verdict-id-front").setValue(DocumentVerdict.Kind.ACCEPTED);
        radio("decision-outcome").setValue(DecisionForm.Outcome.REQUEST_DOCUMENTS);
        _setValue(_get(TextArea.class, spec -> spec.withId("decision-supplement-note")), "请加盖公章");

        _click(_get(Button.class, spec -> spec.withId("decision-submit")));

        assertThat(fired).containsExactly(new ReviewDecision.RequestDocuments(List.of(
                DocumentVerdict.newVersionNeeded("licence", "印章不清晰"), DocumentVerdict.accepted("id-front")), "请加盖公章"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRejectionNamesItsReasonsInTheListsOrder() {
        radio("decision-outcome").setValue(DecisionForm.Outcome.REJECT);
        ((CheckboxGroup<DecisionReason>) _get(CheckboxGroup.class, spec -> spec.withId("decision-reasons")))
                .setValue(Set.of(OTHER, UNREADABLE));

        _click(_get(Button.class, spec -> spec.withId("decision-submit")));
        assertThat(fired).as("not before it is confirmed").isEmpty();
        assertThat(confirmationText()).startsWith("驳回 " + CASE + " 的申请？").contains("材料无法辨认。", "其他原因。");
        ConfirmDialogKt._fireConfirm(confirmation());

        assertThat(fired).singleElement().isInstanceOfSatisfying(ReviewDecision.Reject.class,
                r -> assertThat(r.reasonCodes()).containsExactly("UNREADABLE", "OTHER"));
        assertThat(_get(Button.class, spec -> spec.withId("decision-submit")).isEnabled()).as("ready again").isTrue();
    }

    @Test
    void anApprovalIsConfirmedWithTheCaseNumberAndTheComment() {
        radio("decision-outcome").setValue(DecisionForm.Outcome.APPROVE);
        _setValue(_get(TextArea.class, spec -> spec.withId("decision-approve-comment")), "材料齐全");

        _click(_get(Button.class, spec -> spec.withId("decision-submit")));
        assertThat(confirmationText()).isEqualTo("通过 " + CASE + " 的申请？决定提交后不能撤回。材料齐全");
        ConfirmDialogKt._fireCancel(confirmation());
        assertThat(fired).as("going back decides nothing").isEmpty();

        _click(_get(Button.class, spec -> spec.withId("decision-submit")));
        ConfirmDialogKt._fireConfirm(confirmation());
        assertThat(fired).containsExactly(new ReviewDecision.Approve("材料齐全", List.of()));
    }

    @Test
    void anUnchangedDocumentKeepsItsAcceptanceAndAChangedOneStartsBlank() {
        form(Map.of(
                "licence", new PreviousRound.Verdict(DocumentVerdict.newVersionNeeded("licence", "印章不清晰"), false),
                "id-front", new PreviousRound.Verdict(DocumentVerdict.accepted("id-front"), true)));

        RadioButtonGroup<DocumentVerdict.Kind> licence = radio("verdict-licence");
        assertThat(licence.getValue()).as("a new version is judged afresh").isNull();
        assertThat(licence.getHelperText()).isEqualTo("上一轮：需要重新提交 · 印章不清晰（已上传新版本，请重新审核）");
        RadioButtonGroup<DocumentVerdict.Kind> idFront = radio("verdict-id-front");
        assertThat(idFront.getValue()).isEqualTo(DocumentVerdict.Kind.ACCEPTED);
        assertThat(idFront.getHelperText()).isEqualTo("沿用上一轮：合格（材料未变）");
    }

    @Test
    void aRefusalIsShownUnderTheForm() {
        form.showError("四眼原则");

        Div error = _get(Div.class, spec -> spec.withId("decision-error"));
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("四眼原则");
        radio("decision-outcome").setValue(DecisionForm.Outcome.APPROVE);
        assertThat(error.isVisible()).as("a new choice clears it").isFalse();
    }
}
