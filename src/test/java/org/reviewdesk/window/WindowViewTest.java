package org.reviewdesk.window;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.accounts.EnterpriseAccounts;
import org.reviewdesk.platform.Role;
import org.reviewdesk.registration.ApplicantForm;
import org.reviewdesk.registration.ApplicationFormView;
import org.reviewdesk.review.InboxView;
import org.reviewdesk.review.WorkOverviewView;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.TestCodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** The window clerk finds an organisation, sees its account and cases, and records an identity check. */
public class WindowViewTest extends KaribuTestSupport {

    static final String REP_ID = "11010519491231002X";
    static final String AGENT_ID = "110101199001010015";

    @Autowired
    EnterpriseAccounts accounts;
    @Autowired
    InPersonVerifications verifications;
    @Autowired
    JdbcClient jdbc;

    @Test
    void lookingUpACodeShowsTheAccountWithPersonalDataMasked() {
        // the demo accounts: 深圳示范智能科技有限公司 was imported as 深圳示范电子有限公司 and renamed
        signInAs("window", Role.WINDOW_CLERK);
        UI.getCurrent().navigate(WindowView.class);

        search("91440300ma5g00006c");

        String card = _get(Div.class, s -> s.withId("window-account")).getElement().getTextRecursively();
        assertThat(card).contains("深圳示范智能科技有限公司", "91440300MA5G00006C", "企业", "有效", "赵*",
                "4****************9", "138****0006", "2020-05-18", "门户导入");
        assertThat(card).doesNotContain("440305198505152349", "13800000006", "赵敏");
        assertThat(card).contains("深圳示范电子有限公司"); // the name history
    }

    @Test
    void theSecondLanguageIsEnglish() {
        signInAs("window", Role.WINDOW_CLERK);
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        UI.getCurrent().navigate(WindowView.class);

        search("91440300MA5G00006C");

        assertThat(_get(TextField.class, s -> s.withId("window-search")).getLabel()).isEqualTo("Find an organisation");
        assertThat(_get(Div.class, s -> s.withId("window-account")).getElement().getTextRecursively())
                .contains("Legal-person account", "Representative's ID", "Active", "Imported from the portal");
    }

    @Test
    void aFormerNameFindsTheOrganisationUnderItsNewName() {
        signInAs("window", Role.WINDOW_CLERK);
        UI.getCurrent().navigate(WindowView.class);

        search("示范电子");

        assertThat(_get(Div.class, s -> s.withId("window-account")).getElement().getTextRecursively())
                .contains("深圳示范智能科技有限公司");
    }

    @Test
    void aCodeWithoutAnAccountListsItsOpenRegistrationAndOffersToStartOne() {
        String code = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        String number = draft(code, false);
        signInAs("window", Role.WINDOW_CLERK);
        UI.getCurrent().navigate(WindowView.class);

        search(code);

        assertThat(_get(Div.class, s -> s.withId("window-results")).getElement().getTextRecursively()).contains("没有法人账号");
        assertThat(_get(com.vaadin.flow.component.html.ListItem.class, s -> s.withId("window-case-" + number)).getElement().getTextRecursively())
                .contains(number);
        _click(_get(Button.class, s -> s.withId("window-action-registration")));
        assertThat(currentView()).isInstanceOf(ApplicationFormView.class);
        assertThat(_get(TextField.class, s -> s.withId("apply-uscc")).getValue()).isEqualTo(code);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theIdentityCheckIsRecordedWhenTheLastCharactersMatchAndRefusedOtherwise() {
        String code = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        String number = draft(code, true);
        signInAs("window", Role.WINDOW_CLERK);
        UI.getCurrent().navigate(WindowView.class);
        search(code);
        assertThat(_get(Select.class, s -> s.withId("window-identity-case")).getValue()).isEqualTo(number);

        _setValue(_get(Select.class, s -> s.withId("window-identity-type")), IdType.RESIDENT_ID);
        _setValue(_get(TextField.class, s -> s.withId("window-identity-number")), "1234");
        _click(_get(Button.class, s -> s.withId("window-identity-record")));
        assertThat(_get(Paragraph.class, s -> s.withId("window-identity-result")).getText()).startsWith("证件号码与申请材料不符");
        assertThat(verifications.find(number)).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'IN_PERSON_VERIFICATION_REFUSED' and case_ref = :r")
                .param("r", number).query(Integer.class).single()).isEqualTo(1);

        _setValue(_get(TextField.class, s -> s.withId("window-identity-number")), "002x");
        _click(_get(Button.class, s -> s.withId("window-identity-record")));
        assertThat(_get(Paragraph.class, s -> s.withId("window-identity-result")).getText()).startsWith("已记录");
        assertThat(verifications.find(number)).singleElement().satisfies(v -> {
            assertThat(v.personRole()).isEqualTo("REPRESENTATIVE");
            assertThat(v.verifiedBy()).isEqualTo("window");
            assertThat(v.idNumberMasked()).isEqualTo("1****************X");
        });
        assertThat(_get(Div.class, s -> s.withId("window-identity-recorded")).getElement().getTextRecursively())
                .contains("居民身份证", "1****************X");
    }

    @Test
    void theAgentsDocumentCanBeTheOneChecked() {
        String number = draft(TestCodes.uscc(LegalPersonType.ENTERPRISE), true);
        signInAs("window", Role.WINDOW_CLERK);
        assertThat(verifications.record(number, IdType.RESIDENT_ID, AGENT_ID).personRole()).isEqualTo("AGENT");
    }

    @Test
    void noOneButAWindowClerkOpensThePageOrRecordsACheck() {
        String number = draft(TestCodes.uscc(LegalPersonType.ENTERPRISE), false);
        signInAs("reviewer", Role.REVIEWER, Role.SUPERVISOR, Role.HOTLINE_AGENT, Role.ADMIN);
        assertThat(opens(WindowView.class)).isFalse();
        assertThatThrownBy(() -> verifications.record(number, IdType.RESIDENT_ID, REP_ID)).isInstanceOf(AccessDeniedException.class);
        assertThat(verifications.find(number)).isEmpty();
    }

    @Test
    void aWindowClerkNeitherReviewsNorApproves() {
        signInAs("window", Role.WINDOW_CLERK);
        assertThat(opens(InboxView.class)).isFalse();
        assertThat(opens(WorkOverviewView.class)).isFalse();
        assertThat(opens(WindowView.class)).isTrue();
    }

    /** Whether the router shows the view (a refusal is an exception or another view, depending on the route). */
    public static boolean opens(Class<? extends com.vaadin.flow.component.Component> view) {
        try {
            UI.getCurrent().navigate(view);
        } catch (RuntimeException refused) {
            return false;
        }
        return view.isInstance(currentView());
    }

    private static void search(String query) {
        _setValue(_get(TextField.class, s -> s.withId("window-search")), query);
        _click(_get(Button.class, s -> s.withId("window-search-button")));
    }

    /** A registration draft for the code (with an agent when asked); its number. */
    private String draft(String code, boolean withAgent) {
        ApplicantForm form = new ApplicantForm(LegalPersonType.ENTERPRISE, "窗口测试公司" + code, code, false, "张三",
                IdType.RESIDENT_ID, REP_ID, "13812345678", withAgent, withAgent ? "李四" : null,
                withAgent ? IdType.RESIDENT_ID : null, withAgent ? AGENT_ID : null, withAgent ? "13912345678" : null,
                org.reviewdesk.accounts.ImportFiles.mobile(code.hashCode()), null);
        return org.reviewdesk.registration.MobileProofFixture.createDraft(context, form).applicationNumber();
    }
}
