package org.reviewdesk.review;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.platform.HomeView;
import org.reviewdesk.platform.Role;

/** /cases and the read-only case page, in Chinese and English, and who is offered them. */
class CaseViewsTest extends KaribuTestSupport {

    @Test
    void aReviewerFindsACaseByNumberAndReadsItWithoutDecisionControls() {
        String number = CaseFixtures.submitted(context, "四川案件页测试有限公司").applicationNumber();
        signInAs("reviewer", Role.REVIEWER);
        UI.getCurrent().navigate(CaseSearchView.class);

        assertThat(_get(H2.class, spec -> spec.withText("案件查询"))).isNotNull();
        _setValue(_get(TextField.class, spec -> spec.withId("cases-search")), number);
        Grid<CaseEntry> grid = grid();
        assertThat(_size(grid)).isOne();
        assertThat(_get(grid, 0).caseRef()).isEqualTo(number);

        UI.getCurrent().navigate(CaseView.class, new RouteParameters(CaseView.CASE_REF, number));
        assertThat(_get(Span.class, spec -> spec.withId("case-read-only")).getText()).isEqualTo("只读");
        assertThat(_get(Div.class, spec -> spec.withId("registration-workbench"))).isNotNull();
        _assertNone(DecisionForm.class);
        _assertNone(Div.class, spec -> spec.withId("decision-claim-hint"));
        _assertNone(Button.class, spec -> spec.withId("case-open-task"));
        assertThat(_get(Span.class, spec -> spec.withId("case-no-open-task")).getText()).contains("没有");

        CaseFixtures.afterChecks(context, number);
        UI.getCurrent().navigate(CaseView.class, new RouteParameters(CaseView.CASE_REF, number));
        _get(Button.class, spec -> spec.withId("case-open-task")).click();
        assertThat(currentView()).as("the open task, one click away").isInstanceOf(ReviewView.class);
    }

    @Test
    void theSearchReadsInEnglishAndSaysWhyAOneCharacterNameIsRefused() {
        signInAs("supervisor", Role.SUPERVISOR);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate(CaseSearchView.class);

        assertThat(_get(H2.class, spec -> spec.withText("Case search"))).isNotNull();
        @SuppressWarnings("unchecked")
        ComboBox<CasePhase> phase = _get(ComboBox.class, spec -> spec.withId("cases-phase"));
        assertThat(phase.getItemLabelGenerator().apply(CasePhase.WAITING_APPLICANT)).isEqualTo("Waiting for the applicant");
        TextField search = _get(TextField.class, spec -> spec.withId("cases-search"));
        _setValue(search, "川");
        _size(grid());
        assertThat(search.isInvalid()).isTrue();
        assertThat(search.getErrorMessage()).isEqualTo("To search by name, type at least 2 characters that stand side by side.");
    }

    @Test
    void theCasePageReadsInEnglish() {
        String number = CaseFixtures.submitted(context, "四川英文案件页有限公司").applicationNumber();
        signInAs("reviewer", Role.REVIEWER);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate(CaseView.class, new RouteParameters(CaseView.CASE_REF, number));

        assertThat(_get(Span.class, spec -> spec.withId("case-read-only")).getText()).isEqualTo("Read-only");
        assertThat(_get(Span.class, spec -> spec.withClasses("case-phase")).getText()).isEqualTo("Submitted, being checked");
        assertThat(_get(Span.class, spec -> spec.withId("case-no-open-task")).getText()).isEqualTo("This case has no open task for you.");
    }

    @Test
    void aHandlerFindsNoRegistrationAndTheMenuOffersTheSearchToWhoMayUseIt() {
        String number = CaseFixtures.submitted(context, "四川承办人不可见有限公司").applicationNumber();
        signInAs("handler", Role.HANDLER);
        UI.getCurrent().navigate(CaseView.class, new RouteParameters(CaseView.CASE_REF, number));
        assertThat(_get(Div.class, spec -> spec.withId("case-not-found"))).isNotNull();
        _assertNone(Div.class, spec -> spec.withId("registration-workbench"));

        UI.getCurrent().navigate(HomeView.class);
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getPath).contains("cases");
        signInAs("clerk", Role.WINDOW_CLERK);
        UI.getCurrent().navigate(HomeView.class);
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getPath).doesNotContain("cases");
    }

    @SuppressWarnings("unchecked")
    private static Grid<CaseEntry> grid() {
        return _get(Grid.class, spec -> spec.withId("cases-grid"));
    }
}
