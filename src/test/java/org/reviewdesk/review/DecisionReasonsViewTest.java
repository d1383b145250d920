package org.reviewdesk.review;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.platform.Role;

/** The reasons editor: the list of a process, adding with a refused then a valid code, editing a text, deactivating. */
class DecisionReasonsViewTest extends KaribuTestSupport {

    @BeforeEach
    void openAsSupervisor() {
        signInAs("reasons-editor", Role.SUPERVISOR);
        UI.getCurrent().navigate(DecisionReasonsView.class);
    }

    @SuppressWarnings("unchecked")
    private static Select<CaseAdapter> process() {
        return _get(Select.class, spec -> spec.withId("reasons-process"));
    }

    @SuppressWarnings("unchecked")
    private static Grid<DecisionReason> grid() {
        return _get(Grid.class, spec -> spec.withId("reasons-grid"));
    }

    private static void choose(String processKey) {
        process().setValue(process().getListDataView().getItems().filter(a -> a.processKey().equals(processKey))
                .findFirst().orElseThrow());
    }

    private static List<DecisionReason> rows() {
        return GridKt._findAll(grid());
    }

    private static int rowOf(String code) {
        List<DecisionReason> rows = rows();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new AssertionError("no row " + code);
    }

    private static Button toggle(String code) {
        return (Button) GridKt._getCellComponent(grid(), rowOf(code), "toggle");
    }

    @Test
    void itOpensOnTheFirstProcessWithReasonsAndOffersOnlyProcessesThatReject() {
        assertThat(process().getValue().processKey()).as("opened on registration, not on an empty list").isEqualTo("registration");
        assertThat(rows()).isNotEmpty();
        assertThat(process().getListDataView().getItems()).extracting(CaseAdapter::processKey)
                .contains("registration").doesNotContain("workOrder")
                .allSatisfy(key -> assertThat(process().getListDataView().getItems().filter(a -> a.processKey().equals(key))
                        .allMatch(CaseAdapter::rejectsWithReasons)).isTrue());
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("reasons-only-rejecting")).getText())
                .as("why the work orders are missing").contains("12345");
    }

    @Test
    void registrationsReasonsAreListedInTheirOrder() {
        choose("registration");
        assertThat(rows()).extracting(DecisionReason::code).containsSubsequence("DOCUMENT_UNREADABLE", "DOCUMENT_INCONSISTENT",
                "NOT_THE_LEGAL_PERSON", "REGISTERED_IN_SICHUAN", "IDENTITY_NOT_VERIFIED", "OTHER");
        assertThat(process().getItemLabelGenerator().apply(process().getValue())).isEqualTo("省外法人注册");
        assertThat(rows()).filteredOn(r -> r.code().equals("OTHER")).singleElement()
                .satisfies(r -> assertThat(r.textRequired()).isTrue());
    }

    @Test
    void aBadCodeIsRefusedWithItsMessageThenAValidReasonIsAddedEditedAndDeactivated() {
        choose(InboxFixtures.PROCESS_KEY);
        TextField code = _get(TextField.class, spec -> spec.withId("reason-code"));
        _setValue(code, "1坏代码");
        _setValue(_get(TextArea.class, spec -> spec.withId("reason-template-zh")), "测试用原因。");
        _setValue(_get(TextArea.class, spec -> spec.withId("reason-template-en")), "A reason for tests.");
        _click(_get(Button.class, spec -> spec.withId("reason-save")));
        Div error = _get(Div.class, spec -> spec.withId("reason-error"));
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).startsWith("代码须以大写字母开头");

        String fresh = "V_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        _setValue(code, fresh);
        _click(_get(Button.class, spec -> spec.withId("reason-save")));
        assertThat(error.isVisible()).isFalse();
        assertThat(rows().get(rowOf(fresh)).templateZh()).isEqualTo("测试用原因。");
        assertThat(code.getValue()).as("the form is ready for the next one").isEmpty();

        GridKt._clickItem(grid(), rowOf(fresh));
        assertThat(code.getValue()).isEqualTo(fresh);
        assertThat(code.isReadOnly()).as("a code is fixed").isTrue();
        _setValue(_get(TextArea.class, spec -> spec.withId("reason-template-zh")), "改过的原因。");
        _click(_get(Button.class, spec -> spec.withId("reason-save")));
        assertThat(rows().get(rowOf(fresh)).templateZh()).isEqualTo("改过的原因。");

        _click(toggle(fresh));
        assertThat(rows().get(rowOf(fresh)).active()).isFalse();
        assertThat(toggle(fresh).getText()).isEqualTo("重新启用");
    }

    @Test
    void aPhonesCardHoldsTheWholeReasonAndItsAction() {
        choose(InboxFixtures.PROCESS_KEY);
        String fresh = "P_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        _setValue(_get(TextField.class, spec -> spec.withId("reason-code")), fresh);
        _setValue(_get(TextArea.class, spec -> spec.withId("reason-template-zh")), "手机上的原因。");
        _setValue(_get(TextArea.class, spec -> spec.withId("reason-template-en")), "A reason read on a phone.");
        _click(_get(Button.class, spec -> spec.withId("reason-save")));

        Div card = (Div) GridKt._getCellComponent(grid(), rowOf(fresh), "card");
        assertThat(card.getElement().getTextRecursively()).contains(fresh, "启用", "手机上的原因。", "A reason read on a phone.", "排序");
        Button toggle = _get(card, Button.class, spec -> spec.withId("reason-card-toggle-" + fresh));
        _click(toggle);
        assertThat(rows().get(rowOf(fresh)).active()).as("the card's action deactivates, as the row's does").isFalse();
        assertThat(((Div) GridKt._getCellComponent(grid(), rowOf(fresh), "card")).getElement().getTextRecursively())
                .contains("重新启用");
    }
}
