package org.reviewdesk.registration;

import org.reviewdesk.review.ReviewDecision;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.reviewdesk.accounts.EnterpriseAccounts;
import org.reviewdesk.documents.intake.DocumentUploadField;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;
import org.springframework.beans.factory.annotation.Autowired;

/** The status page: a wrong code is refused with the reason; the right one shows the application. */
class ApplicationStatusViewTest extends KaribuTestSupport {

    static final CurrentUser REVIEWER = new CurrentUser("reviewer", Set.of(Role.REVIEWER));

    @Autowired org.springframework.context.ApplicationContext context;

    @Autowired
    RegistrationService registrations;
    @Autowired
    RegistrationReview reviews;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    EnterpriseAccounts accounts;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aWrongCodeIsRefusedAtTheCodeField() {
        DraftCreated draft = submittedApplication();
        openStatus(draft.applicationNumber(), "WRONG234");

        TextField code = _get(TextField.class, spec -> spec.withId("status-code"));
        assertThat(code.isInvalid()).isTrue();
        assertThat(code.getErrorMessage()).matches("申请编号或查询码不正确。还可再试\\d+次，再错需等待15分钟。");
        assertThat(_find(Span.class, spec -> spec.withId("status-state"))).isEmpty();
    }

    @Test
    void theRightCodeShowsTheStateTimelineDocumentsAndReceipt() {
        DraftCreated draft = submittedApplication();
        openStatus(draft.applicationNumber(), draft.accessCode().toLowerCase(Locale.ROOT));

        assertThat(_get(Span.class, spec -> spec.withId("status-state")).getText()).isEqualTo("已提交，自动核验中");
        String timeline = _get(Div.class, spec -> spec.withId("status-timeline")).getElement().getTextRecursively();
        assertThat(timeline).contains("创建申请草稿", "提交申请");
        String documents = _get(Div.class, spec -> spec.withId("status-documents")).getElement().getTextRecursively();
        assertThat(documents).contains("营业执照", "licence.pdf", "法定代表人身份证（人像面）");
        String details = _get(Div.class, spec -> spec.withId("status-details")).getElement().getTextRecursively();
        assertThat(details).contains(draft.applicationNumber(), "138****5678").doesNotContain("13812345678");
        assertThat(_get(Anchor.class, spec -> spec.withId("receipt-download")).getHref()).isNotBlank();
    }

    @Test
    void theNumberFromTheResultLinkIsFilledIn() {
        UI.getCurrent().navigate("status", QueryParameters.of(ApplicationStatusView.NUMBER_PARAMETER, "RD20260101000042"));
        assertThat(_get(TextField.class, spec -> spec.withId("status-number")).getValue()).isEqualTo("RD20260101000042");
    }

    @Test
    void aRequestForDocumentsShowsTheReasonTheDueDateAndAnUploadPerNamedDocument() {
        DraftCreated draft = inReview();
        reviews.decide(draft.applicationNumber(), ReviewDecision.RequestDocuments.of(
                List.of("business-licence"), "营业执照照片模糊，请重新上传清晰的扫描件"), REVIEWER);
        openStatus(draft.applicationNumber(), draft.accessCode());

        assertThat(_get(Span.class, spec -> spec.withId("status-state")).getText()).isEqualTo("待补正材料");
        String request = _get(Div.class, spec -> spec.withId("status-supplement")).getElement().getTextRecursively();
        assertThat(request).contains("营业执照照片模糊，请重新上传清晰的扫描件");
        String item = _get(Div.class, spec -> spec.withId("supplement-item-business-licence")).getElement().getTextRecursively();
        assertThat(item).as("per document: a new version, and why")
                .contains("营业执照：需要上传新版本", "审核意见：营业执照照片模糊，请重新上传清晰的扫描件");
        assertThat(_get(Paragraph.class, spec -> spec.withId("supplement-state-business-licence")).getText())
                .as("the version already uploaded does not count").startsWith("已上传的第 1 版（").endsWith("）未被接受，请上传新的文件。");
        assertThat(_find(DocumentUploadField.class, spec -> spec.withId("supplement-business-licence"))).hasSize(1);
        assertThat(_find(DocumentUploadField.class, spec -> spec.withId("supplement-id-representative-front")))
                .as("only the named documents take a new version").isEmpty();

        _click(_get(Button.class, spec -> spec.withId("supplement-answer")));
        String refusal = _get(Div.class, spec -> spec.withId("status-supplement")).getElement().getTextRecursively();
        assertThat(refusal).as("no new version yet").contains("营业执照：尚未收到新版本，请上传新的文件。").doesNotContain("请上传：营业执照。");
        assertThat(registrations.status(draft.access()).state()).isEqualTo(RegistrationState.AWAITING_SUPPLEMENT);

        registrations.upload(draft.access(), "business-licence", "licence-v2.pdf", "application/pdf",
                new ByteArrayInputStream(ApplicationFormViewTest.pdf("licence v2")));
        _click(_get(Button.class, spec -> spec.withId("supplement-answer")));
        assertThat(registrations.status(draft.access()).state()).isEqualTo(RegistrationState.IN_REVIEW);
    }

    @Test
    void aRejectionShowsItsReasonsAndTheReviewersText() {
        DraftCreated draft = inReview();
        reviews.decide(draft.applicationNumber(), new ReviewDecision.Reject(
                List.of("DOCUMENT_INCONSISTENT"), "证书名称与填报名称不一致"), REVIEWER);
        openStatus(draft.applicationNumber(), draft.accessCode());

        assertThat(_get(Span.class, spec -> spec.withId("status-state")).getText()).isEqualTo("审核不通过");
        String decision = _get(Div.class, spec -> spec.withId("status-decision")).getElement().getTextRecursively();
        assertThat(decision).contains("材料内容与填报信息不一致", "证书名称与填报名称不一致");
    }

    @Test
    void anApprovalTellsWhereToSignInAndWithWhichLoginNameOnThePageAndBySms() {
        DraftCreated draft = inReview();
        String uscc = registrations.form(draft.access()).uscc();
        reviews.decide(draft.applicationNumber(), new ReviewDecision.Approve(null), REVIEWER);
        openStatus(draft.applicationNumber(), draft.accessCode());

        assertThat(_get(Span.class, spec -> spec.withId("status-state")).getText()).isEqualTo("审核通过");
        com.vaadin.flow.component.html.Anchor address = _get(com.vaadin.flow.component.html.Anchor.class,
                spec -> spec.withId("status-login-address"));
        assertThat(address.getHref()).isEqualTo("https://www.sczwfw.gov.cn/");
        assertThat(address.getElement().getAttribute("rel")).contains("noopener");
        assertThat(_get(Span.class, spec -> spec.withId("status-login-name")).getText()).isEqualTo(uscc);
        String sms = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("""
                        select body from outbox_message where case_ref = :number and message_key = 'registration.notice.approved.sms'""")
                .param("number", draft.applicationNumber()).query(String.class).single();
        assertThat(sms).contains("https://www.sczwfw.gov.cn/", uscc);
    }

    @Test
    void noSignInCardBeforeTheApproval() {
        DraftCreated draft = inReview();
        openStatus(draft.applicationNumber(), draft.accessCode());

        assertThat(_find(Div.class, spec -> spec.withId("status-login"))).isEmpty();
    }

    @Test
    void anAutomatedStopShowsWhy() {
        DraftCreated draft = submittedApplication();
        String uscc = registrations.form(draft.access()).uscc();
        new TransactionTemplate(transactions).executeWithoutResult(s -> accounts.open(uscc, "深圳市腾讯计算机系统有限公司",
                LegalPersonType.ENTERPRISE, "李四", "OFFLINE-2", "window"));
        runChecks(draft);
        openStatus(draft.applicationNumber(), draft.accessCode());

        assertThat(_get(Span.class, spec -> spec.withId("status-state")).getText()).isEqualTo("不予受理");
        assertThat(_get(Div.class, spec -> spec.withId("status-stop-reasons")).getElement().getTextRecursively())
                .contains("该统一社会信用代码已注册法人账户");
    }

    private DraftCreated inReview() {
        DraftCreated draft = submittedApplication();
        runChecks(draft);
        return draft;
    }

    private void runChecks(DraftCreated draft) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(draft.applicationNumber())
                .singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(instance).singleResult().getId());
    }

    private void openStatus(String number, String code) {
        UI.getCurrent().navigate(ApplicationStatusView.class);
        _setValue(_get(TextField.class, spec -> spec.withId("status-number")), number);
        _setValue(_get(TextField.class, spec -> spec.withId("status-code")), code);
        _click(_get(Button.class, spec -> spec.withId("status-open")));
    }

    /** Through the service, as the form would: draft, three documents, submission. */
    private DraftCreated submittedApplication() {
        ApplicantForm form = new ApplicantForm(LegalPersonType.ENTERPRISE, "深圳市腾讯计算机系统有限公司",
                ApplicationFormViewTest.newUscc("91"), false, "张三", IdType.RESIDENT_ID, ApplicationFormViewTest.VALID_ID,
                ApplicationFormViewTest.MOBILE, false, null, null, null, null, ApplicationFormViewTest.MOBILE, null);
        DraftCreated draft = org.reviewdesk.registration.MobileProofFixture.createDraft(context, form);
        registrations.upload(draft.access(), "business-licence", "licence.pdf", "application/pdf",
                new ByteArrayInputStream(ApplicationFormViewTest.pdf("licence")));
        registrations.upload(draft.access(), "id-representative-front", "front.png", "image/png",
                new ByteArrayInputStream(ApplicationFormViewTest.png()));
        registrations.upload(draft.access(), "id-representative-back", "back.png", "image/png",
                new ByteArrayInputStream(ApplicationFormViewTest.png()));
        registrations.submit(draft.access(), true);
        return draft;
    }
}
