package org.reviewdesk.staff;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.platform.Role;

/** The handling units list: a row's action says what it does, and a phone's card holds the unit and that action. */
class HandlingUnitsViewTest extends KaribuTestSupport {

    @Test
    @SuppressWarnings("unchecked")
    void aPhonesCardHoldsTheUnitAndOpensItsEditor() {
        signInAs("admin", Role.ADMIN);
        UI.getCurrent().navigate(HandlingUnitsView.class);
        Grid<HandlingUnit> grid = _get(Grid.class, spec -> spec.withId("units"));
        int row = IntStream.range(0, GridKt._size(grid)).filter(i -> GridKt._get(grid, i).code().equals("REVIEW_TEAM"))
                .findFirst().orElseThrow();
        Component card = GridKt._getCellComponent(grid, row, "card");
        assertThat(card.getElement().getTextRecursively()).contains("REVIEW_TEAM", "启用", "省政务服务中心审核组",
                "Provincial service centre review team", "任务组 reviewers");

        Button edit = _get(card, Button.class, spec -> spec.withId("card-edit-REVIEW_TEAM"));
        assertThat(edit.getText()).as("the action opens the editor: it says so, not 'Save'").isEqualTo("编辑");
        _click(edit);
        assertThat(_get(Dialog.class).isOpened()).isTrue();
    }
}
