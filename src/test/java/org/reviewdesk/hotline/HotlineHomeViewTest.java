package org.reviewdesk.hotline;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.ShortcutsKt._fireShortcut;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.platform.PersonalDataReveals;
import org.reviewdesk.platform.Role;
import org.reviewdesk.registration.ApplicantForm;
import org.reviewdesk.registration.MobileProofFixture;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.TestCodes;
import org.reviewdesk.window.WindowViewTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hotline agent's case screen: whatever the caller gives finds the organisation, the keyboard
 * moves through the results, the record shows the account masked, its names and every case, and a
 * reveal is audited. On the demo accounts: 深圳示范智能科技有限公司 (91440300MA5G00006C, representative's
 * mobile 13800000006) was imported as 深圳示范电子有限公司 and renamed.
 */
class HotlineHomeViewTest extends KaribuTestSupport {

    static final String RENAMED = "91440300MA5G00006C";

    @Autowired
    JdbcClient jdbc;

    private void openAs(String username, Role... roles) {
        signInAs(username, roles);
        UI.getCurrent().navigate(HotlineHomeView.class);
    }

    private static void type(String text) {
        _setValue(_get(TextField.class, s -> s.withId("case-search")), text);
    }

    private static String text(String id) {
        return _get(Component.class, s -> s.withId(id)).getElement().getTextRecursively();
    }

    private static List<Div> hits() {
        // the list is hidden when nothing was found
        return _find(Div.class, s -> s.withId("case-hits")).stream()
                .flatMap(list -> _find(list, Div.class, s -> s.withClasses("case-hit")).stream()).toList();
    }

    private static List<Div> selectedHits() {
        return hits().stream().filter(d -> d.hasClassName("case-hit--selected")).toList();
    }

    @Test
    void aCreditCodeOpensTheRecordWithPersonalDataMaskedAndTheNameHistory() {
        openAs("agent-code", Role.HOTLINE_AGENT);

        type("91440300ma5g00006c");

        assertThat(text("case-status")).contains("91440300ma5g00006c");
        String account = text("case-account");
        assertThat(account).contains("深圳示范智能科技有限公司", RENAMED, "有效", "赵*", "4****************9", "138****0006", "门户导入");
        assertThat(account).doesNotContain("440305198505152349", "13800000006", "赵敏");
        assertThat(text("case-names")).contains("深圳示范智能科技有限公司", "深圳示范电子有限公司");
        assertThat(text("case-cases")).contains("没有注册、注销或名称变更业务");
        assertThat(_get(Div.class, s -> s.withId("kb-panel")).isVisible()).isTrue();
    }

    @Test
    void aFormerNameFindsTheOrganisationAndEnterOpensIt() {
        openAs("agent-former", Role.HOTLINE_AGENT);

        type("示范电子");

        assertThat(hits()).singleElement().satisfies(hit -> assertThat(hit.getElement().getTextRecursively())
                .contains("深圳示范智能科技有限公司", "曾用名：深圳示范电子有限公司"));
        assertThat(_find(Div.class, s -> s.withId("case-account"))).isEmpty(); // a name waits for the agent's choice
        _fireShortcut(_get(TextField.class, s -> s.withId("case-search")), Key.ENTER);
        assertThat(text("case-account")).contains(RENAMED);
    }

    @Test
    void arrowKeysMoveThroughTheResultsAndEnterOpensTheOneChosen() {
        openAs("agent-keys", Role.HOTLINE_AGENT);
        type("示范");
        TextField search = _get(TextField.class, s -> s.withId("case-search"));
        assertThat(hits()).hasSizeGreaterThan(3);
        assertThat(selectedHits()).containsExactly(hits().get(0));

        _fireShortcut(search, Key.ARROW_DOWN);
        _fireShortcut(search, Key.ARROW_DOWN);
        _fireShortcut(search, Key.ARROW_UP);
        assertThat(selectedHits()).containsExactly(hits().get(1));
        _fireShortcut(search, Key.ARROW_UP);
        _fireShortcut(search, Key.ARROW_UP); // from the first to the last
        assertThat(selectedHits()).containsExactly(hits().get(hits().size() - 1));

        _fireShortcut(search, Key.ENTER);
        String chosen = hits().get(hits().size() - 1).getId().orElseThrow().substring("case-hit-".length());
        assertThat(text("case-account")).contains(chosen);
    }

    @Test
    void theRepresentativesMobileFindsTheOrganisationWrittenAnyWay() {
        openAs("agent-mobile", Role.HOTLINE_AGENT);

        type("+86 138-0000-0006");

        assertThat(text("case-status")).contains("138****0006");
        assertThat(hits()).singleElement().satisfies(h -> assertThat(h.getElement().getTextRecursively()).contains("法定代表人手机号"));
        assertThat(text("case-account")).contains(RENAMED);
    }

    @Test
    void aCaseNumberAndItsContactMobileFindTheOrganisationThatHasNoAccountYet() {
        String code = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        String contact = "137" + code.substring(9, 17).replaceAll("\\D", "7");
        String number = draft(code, contact);
        openAs("agent-number", Role.HOTLINE_AGENT);

        type(number.toLowerCase(Locale.ROOT));

        assertThat(text("case-record")).contains("热线测试公司", code, "无账号");
        String line = text("case-line-" + number);
        assertThat(line).contains("省外法人注册", number, "联系手机 " + contact.substring(0, 3) + "****" + contact.substring(7));

        type(contact);
        assertThat(hits()).singleElement().satisfies(h -> assertThat(h.getElement().getTextRecursively())
                .contains("热线测试公司", "业务 " + number + " 的联系手机号"));
    }

    @Test
    void revealingTheFullMobileIsAuditedWithWhoAndWhich() {
        openAs("agent-reveal", Role.HOTLINE_AGENT);
        type(RENAMED);
        Button reveal = _get(_get(Div.class, s -> s.withId("case-account")), Button.class,
                s -> s.withPredicate(b -> b.getId().orElse("").endsWith("reveal-representative-mobile")));

        _click(reveal);

        assertThat(text("case-account")).contains("13800000006");
        assertThat(jdbc.sql("select count(*) from audit_record where actor = 'agent-reveal' and action = :a and case_ref = :c"
                        + " and detail = 'REPRESENTATIVE_MOBILE on hotline'")
                .param("a", PersonalDataReveals.REVEALED).param("c", RENAMED).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aNameNeedsTwoCharactersAndAnUnknownOneSaysSo() {
        openAs("agent-short", Role.HOTLINE_AGENT);
        type("示");
        assertThat(text("case-status")).contains("至少输入 2 个字");
        type("没有这个单位名称");
        assertThat(text("case-status")).contains("没有名称（含曾用名）包含“没有这个单位名称”的单位");
        assertThat(hits()).isEmpty();
    }

    @Test
    void theScreenSpeaksEnglish() {
        signInAs("agent-en", Role.HOTLINE_AGENT);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate(HotlineHomeView.class);

        type("示范电子");

        assertThat(_get(TextField.class, s -> s.withId("case-search")).getLabel()).isEqualTo("Find the caller's organisation");
        assertThat(text("case-status")).isEqualTo("One organisation with \"示范电子\" in a name:");
        assertThat(text("case-hits")).contains("former name: 深圳示范电子有限公司");
        assertThat(text("kb-panel")).contains("Knowledge base");
    }

    @Test
    void supervisorsOpenItAndNoOtherRoleDoes() {
        signInAs("supervisor-screen", Role.SUPERVISOR);
        assertThat(WindowViewTest.opens(HotlineHomeView.class)).isTrue();
        for (Role role : List.of(Role.REVIEWER, Role.WINDOW_CLERK, Role.ADMIN)) {
            signInAs("other-" + role, role);
            assertThat(WindowViewTest.opens(HotlineHomeView.class)).as(role.name()).isFalse();
        }
    }

    /** A registration draft for the code with this contact mobile; its number. */
    private String draft(String code, String contactMobile) {
        ApplicantForm form = new ApplicantForm(LegalPersonType.ENTERPRISE, "热线测试公司" + code, code, false, "张三",
                IdType.RESIDENT_ID, "11010519491231002X", "13812345678", false, null, null, null, null, contactMobile, null);
        return MobileProofFixture.createDraft(context, form).applicationNumber();
    }

}
