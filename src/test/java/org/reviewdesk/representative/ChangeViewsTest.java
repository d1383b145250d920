package org.reviewdesk.representative;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.registration.MobileProofFixture;
import org.reviewdesk.review.ReviewDecision;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.TestCodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The public pages of process 2 in Karibu: the start form and the status page, on the real services. */
class ChangeViewsTest extends KaribuTestSupport {

    static final String MOBILE = "13712345678";

    @Autowired RepresentativeChanges changes;
    @Autowired RepresentativeReview reviews;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired JdbcClient jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void theNameChangePagesLinkPreselectsTheReasonAndTheCodeAndIgnoresAnythingElse() {
        String uscc = TestCodes.uscc(LegalPersonType.PUBLIC_INSTITUTION);
        UI.getCurrent().navigate("change", com.vaadin.flow.router.QueryParameters.simple(
                java.util.Map.of("reason", "NAME_CHANGED", "uscc", uscc.toLowerCase(Locale.ROOT))));
        assertThat(_get(com.vaadin.flow.component.select.Select.class, spec -> spec.withId("reason")).getValue())
                .isEqualTo(ChangeReason.NAME_CHANGED);
        assertThat(_get(TextField.class, spec -> spec.withId("uscc")).getValue()).isEqualTo(uscc);

        UI.getCurrent().navigate("apply");
        UI.getCurrent().navigate("change", com.vaadin.flow.router.QueryParameters.simple(
                java.util.Map.of("reason", "DROP_TABLE", "uscc", "<script>")));
        assertThat(_get(com.vaadin.flow.component.select.Select.class, spec -> spec.withId("reason")).getValue())
                .as("the form's own default").isEqualTo(ChangeReason.REPRESENTATIVE_CHANGED);
        assertThat(_get(TextField.class, spec -> spec.withId("uscc")).getValue()).isEmpty();
    }

    @Test
    void theNewRepresentativeStartsACaseAndIsShownItsNumberAndCodeOnce() {
        String uscc = RepresentativeFixture.account(context, LegalPersonType.ENTERPRISE);
        UI.getCurrent().navigate(ChangeFormView.class);
        fill(uscc);
        _click(_get(Button.class, spec -> spec.withId("send-code")));
        _setValue(_get(TextField.class, spec -> spec.withId("mobileCode")), MobileProofFixture.smsCode(jdbc, MOBILE));
        _click(_get(Button.class, spec -> spec.withId("start")));

        String shown = _get(Div.class, spec -> spec.withId("started")).getElement().getTextRecursively();
        assertThat(shown).contains("申请编号", "查询码");
        assertThat(changes.openDeregistration(uscc)).get().satisfies(open -> assertThat(shown).contains(open.number()));

        _click(_get(Button.class, spec -> spec.withId("submit")));
        assertThat(_get(Div.class, spec -> spec.withId("submit-error")).getText()).contains("项材料未上传");
    }

    @Test
    void aCodeWithoutAnAccountIsToldPlainly() {
        String uscc = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        UI.getCurrent().navigate(ChangeFormView.class);
        fill(uscc);
        _click(_get(Button.class, spec -> spec.withId("send-code")));
        _setValue(_get(TextField.class, spec -> spec.withId("mobileCode")), MobileProofFixture.smsCode(jdbc, MOBILE));
        _click(_get(Button.class, spec -> spec.withId("start")));

        assertThat(_get(Div.class, spec -> spec.withId("form-error")).getText()).contains(uscc, "没有正常状态的法人账户");
        assertThat(changes.openDeregistration(uscc)).isEmpty();
    }

    @Test
    void theStatusPageRefusesAWrongCodeAndShowsTheDeregisteredCaseWithTheWayBack() {
        String uscc = RepresentativeFixture.account(context, LegalPersonType.ENTERPRISE);
        ChangeStarted started = inFirstReview(uscc);
        reviews.decideFirst(started.number(), new ReviewDecision.Approve(null), RepresentativeFixture.REVIEWER);
        reviews.decideSecond(started.number(), new ReviewDecision.Approve(null), RepresentativeFixture.SUPERVISOR);

        UI.getCurrent().navigate(ChangeStatusView.class);
        _setValue(_get(TextField.class, spec -> spec.withId("number")), started.number());
        _setValue(_get(PasswordField.class, spec -> spec.withId("code")), "WRONG234");
        _click(_get(Button.class, spec -> spec.withId("open")));
        assertThat(_get(Div.class, spec -> spec.withId("status-error")).getText()).matches("编号或查询码不正确。还可再试\\d+次，再错需等待\\d+分钟。");

        _setValue(_get(PasswordField.class, spec -> spec.withId("code")), started.accessCode().toLowerCase(Locale.ROOT));
        _click(_get(Button.class, spec -> spec.withId("open")));
        assertThat(_get(Div.class, spec -> spec.withId("status-summary")).getElement().getTextRecursively())
                .contains(started.number(), "原账户已注销");
        assertThat(_get(org.reviewdesk.review.CaseTimeline.class, spec -> spec.withId("status-timeline")).getElement().getTextRecursively())
                .contains("窗口代为发起", "提交材料", "原法人账户已注销");
        assertThat(_get(Anchor.class, spec -> spec.withId("register-again")).getHref()).contains("/apply?uscc=" + uscc);
    }

    @Test
    void aRequestForDocumentsSaysPerDocumentThatTheVersionUploadedDoesNotCount() {
        ChangeStarted started = inFirstReview(RepresentativeFixture.account(context, LegalPersonType.ENTERPRISE));
        reviews.decideFirst(started.number(), ReviewDecision.RequestDocuments.of(List.of("change-notice"), "通知书不清晰"),
                RepresentativeFixture.REVIEWER);

        UI.getCurrent().navigate(ChangeStatusView.class);
        _setValue(_get(TextField.class, spec -> spec.withId("number")), started.number());
        _setValue(_get(PasswordField.class, spec -> spec.withId("code")), started.accessCode());
        _click(_get(Button.class, spec -> spec.withId("open")));

        String request = _get(Div.class, spec -> spec.withId("status-supplement")).getElement().getTextRecursively();
        assertThat(request).as("documents by their names, not their slots").contains("变更登记通知书").doesNotContain("change-notice:");
        assertThat(_get(Div.class, spec -> spec.withId("supplement-item-change-notice")).getElement().getTextRecursively())
                .contains("需要上传新版本", "已上传的第 1 版（", "）未被接受，请上传新的文件。");
    }

    /** A case started and submitted at the window, its checks run (the job executor is off in tests). */
    private ChangeStarted inFirstReview(String uscc) {
        ChangeStarted started = RepresentativeFixture.startedWithDocuments(context, uscc);
        changes.submitAtWindow(started.number(), RepresentativeFixture.CLERK);
        String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(started.number()).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(pid).singleResult().getId());
        return started;
    }

    private void fill(String uscc) {
        _setValue(_get(TextField.class, spec -> spec.withId("uscc")), uscc);
        _setValue(_get(TextField.class, spec -> spec.withId("representativeName")), "张三");
        _setValue(_get(TextField.class, spec -> spec.withId("representativeIdNumber")), "11010519491231002X");
        _setValue(_get(TextField.class, spec -> spec.withId("representativeMobile")), MOBILE);
    }
}
