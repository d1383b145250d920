package org.reviewdesk.registration;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.documents.intake.DocumentUploadField;
import org.reviewdesk.rules.LegalPersonType;

/**
 * The applicant's form with the real service: each kind of broken rule shows its message at its
 * field, the document list follows the type and the agent choice, and a complete application is
 * submitted and answered with its number and access code.
 */
class ApplicationFormViewTest extends KaribuTestSupport {

    static final String VALID_ID = "11010519491231002X";
    static final String OTHER_VALID_ID = "440524188001010014";
    static final String MOBILE = "13812345678";

    @Test
    void aLinkFromADeregistrationPrefillsTheCodeNameTypeAndRepresentative() {
        String uscc = newUscc("12");
        UI.getCurrent().navigate("apply", com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of(
                "uscc", uscc, "name", "示例事业单位", "type", "PUBLIC_INSTITUTION", "rep", "张三")));

        assertThat(text("apply-uscc").getValue()).isEqualTo(uscc);
        assertThat(text("apply-name").getValue()).isEqualTo("示例事业单位");
        assertThat(text("apply-representativeName").getValue()).isEqualTo("张三");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<LegalPersonType> type = _get(RadioButtonGroup.class, spec -> spec.withId("apply-legalPersonType"));
        assertThat(type.getValue()).isEqualTo(LegalPersonType.PUBLIC_INSTITUTION);
    }

    @Test
    void anEmptyNameIsExplainedAtTheNameField() {
        open();
        fillValid(LegalPersonType.ENTERPRISE, newUscc("91"));
        _setValue(text("apply-name"), "");
        next();

        assertThat(error("apply-name")).isEqualTo("请填写法人名称（与证照一致）。");
        assertThat(isInvalid("apply-uscc")).isFalse();
        assertThat(currentStepIs("step-applicant")).isTrue();
    }

    @Test
    void aCodeOfTheWrongLengthIsExplainedAtTheCodeField() {
        open();
        fillValid(LegalPersonType.ENTERPRISE, "91440300192203821");
        next();
        assertThat(error("apply-uscc")).startsWith("统一社会信用代码应为18位，您输入了17位");
    }

    @Test
    void aSichuanCodeGetsTheSichuanGuidanceAtTheCodeField() {
        open();
        fillValid(LegalPersonType.ORGAN, "11510000MB1690541M");
        next();
        assertThat(error("apply-uscc")).contains("四川省内").contains("自行注册");
    }

    @Test
    void aCodeOfAnotherTypeSaysWhichTypeItIs() {
        open();
        fillValid(LegalPersonType.ORGAN, newUscc("91"));
        next();
        assertThat(error("apply-uscc")).startsWith("该代码第1-2位表示“企业”，与所选法人类型不一致");
    }

    @Test
    void aCodeFailingItsCheckCharacterAsksForConfirmationInACheckbox() {
        open();
        String valid = newUscc("91");
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        fillValid(LegalPersonType.ENTERPRISE, valid.substring(0, 17) + wrong);
        Checkbox confirm = _get(Checkbox.class, spec -> spec.withId("apply-usccConfirmed"));
        assertThat(confirm.getErrorMessage()).contains("校验位");
        assertThat(confirm.isVisible()).isTrue();

        _setValue(confirm, true);
        proveMobile();
        next();
        assertThat(currentStepIs("step-documents")).isTrue();
    }

    @Test
    void aLowerCaseXIsRefusedWithAskForAnUpperCaseX() {
        open();
        fillValid(LegalPersonType.ENTERPRISE, newUscc("91"));
        _setValue(text("apply-representativeIdNumber"), "11010519491231002x");
        next();
        assertThat(error("apply-representativeIdNumber")).isEqualTo("证件号码最后一位的字母X须为大写。请将输入法切换为大写状态后重新输入。");
    }

    @Test
    void aBadMobileNumberIsExplainedAtItsField() {
        open();
        fillValid(LegalPersonType.ENTERPRISE, newUscc("91"));
        _setValue(text("apply-contactMobile"), "1381234567");
        next();
        assertThat(error("apply-contactMobile")).isEqualTo("手机号码应为11位数字，您输入了10位。");
    }

    @Test
    void aCorrectedFieldLosesItsErrorWithoutPressingNext() {
        open();
        fillValid(LegalPersonType.ENTERPRISE, newUscc("91"));
        _setValue(text("apply-representativeMobile"), "");
        next();
        assertThat(error("apply-representativeMobile")).isNotBlank();

        _setValue(text("apply-representativeMobile"), MOBILE);

        assertThat(isInvalid("apply-representativeMobile")).as("checked again on change").isFalse();
        assertThat(currentStepIs("step-applicant")).as("still on the first step").isTrue();
    }

    @Test
    void aWrongValueIsExplainedAsSoonAsItIsEntered() {
        open();
        fillValid(LegalPersonType.ENTERPRISE, newUscc("91"));

        _setValue(text("apply-representativeMobile"), "1381234567");

        assertThat(error("apply-representativeMobile")).isEqualTo("手机号码应为11位数字，您输入了10位。");
    }

    @Test
    void anAgentWhoIsTheRepresentativeIsToldToUntickTheAgent() {
        open();
        fillValid(LegalPersonType.ENTERPRISE, newUscc("91"));
        _setValue(_get(Checkbox.class, spec -> spec.withId("apply-agentApplies")), true);
        _setValue(text("apply-agentName"), "李四");
        _setValue(text("apply-agentIdNumber"), VALID_ID);
        _setValue(text("apply-agentMobile"), "13912345678");
        proveMobile();
        next();
        assertThat(error("apply-agentIdNumber")).startsWith("经办人与法定代表人为同一人时，无需填写经办人信息");
    }

    @Test
    void theDocumentListFollowsTheTypeAndTheAgent() {
        open();
        assertThat(checklist()).isEmpty();
        type(LegalPersonType.ENTERPRISE);
        assertThat(checklist()).containsExactly("business-licence", "id-representative-front", "id-representative-back");

        type(LegalPersonType.ORGAN);
        assertThat(checklist()).contains("uscc-certificate").doesNotContain("business-licence");

        _setValue(_get(Checkbox.class, spec -> spec.withId("apply-agentApplies")), true);
        assertThat(checklist()).contains("agent-authorisation", "id-agent-front", "id-agent-back");

        // the upload fields of step 2 are the same list
        fillValid(LegalPersonType.PUBLIC_INSTITUTION, newUscc("12"));
        _setValue(text("apply-agentName"), "李四");
        _setValue(text("apply-agentIdNumber"), OTHER_VALID_ID);
        _setValue(text("apply-agentMobile"), "13912345678");
        proveMobile();
        next();
        assertThat(currentStepIs("step-documents")).isTrue();
        assertThat(_find(DocumentUploadField.class)).extracting(DocumentUploadField::getSlot)
                .containsExactly("institution-certificate", "id-representative-front", "id-representative-back",
                        "agent-authorisation", "id-agent-front", "id-agent-back");
        assertThat(label("document-institution-certificate")).contains("事业单位法人证书");
    }

    @Test
    void aCompleteApplicationIsSubmittedAndShowsItsNumberAndCode() {
        open();
        fillValid(LegalPersonType.ENTERPRISE, newUscc("91"));
        proveMobile();
        next();
        assertThat(currentStepIs("step-documents")).isTrue();

        // a missing document is named at its field
        _click(_get(Button.class, spec -> spec.withId("apply-next-2")));
        assertThat(_get(DocumentUploadField.class, spec -> spec.withId("document-business-licence")).getErrorMessage())
                .isEqualTo("请上传：营业执照。");

        upload("business-licence", "营业执照.pdf", "application/pdf", pdf("Business licence"));
        upload("id-representative-front", "front.png", "image/png", png());
        upload("id-representative-back", "back.png", "image/png", png());
        _click(_get(Button.class, spec -> spec.withId("apply-next-2")));
        assertThat(currentStepIs("step-review")).isTrue();
        String summary = _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("apply-summary")).getElement().getTextRecursively();
        assertThat(summary).contains("深圳市腾讯计算机系统有限公司", "营业执照.pdf", "居民身份证");

        _click(_get(Button.class, spec -> spec.withId("apply-next-3")));
        _click(_get(Button.class, spec -> spec.withId("apply-submit")));
        assertThat(_get(Checkbox.class, spec -> spec.withId("apply-declaration")).getErrorMessage()).isEqualTo("请阅读并勾选承诺声明。");

        _setValue(_get(Checkbox.class, spec -> spec.withId("apply-declaration")), true);
        _click(_get(Button.class, spec -> spec.withId("apply-submit")));

        String number = _get(Span.class, spec -> spec.withId("result-number")).getText();
        String code = _get(Span.class, spec -> spec.withId("result-code")).getText();
        assertThat(number).matches("RD\\d{14}");
        assertThat(code).matches("[2-9A-Z]{8}");
        assertThat(_get(Anchor.class, spec -> spec.withId("receipt-download")).getHref()).isNotBlank();
        RegistrationService registrations = context.getBean(RegistrationService.class);
        ApplicantAccess access = context.getBean(ApplicantCodes.class).open(number, code, "127.0.0.1");
        assertThat(registrations.status(access).state()).isEqualTo(RegistrationState.SUBMITTED);
        assertThat(registrations.receipt(access)).startsWith("%PDF".getBytes());
    }

    @Test
    void withoutTheSmsCodeNoDraftIsMadeAndTheCodeFieldSaysWhy() {
        open();
        fillValid(LegalPersonType.ENTERPRISE, newUscc("91"));
        int drafts = drafts();

        next();

        assertThat(currentStepIs("step-applicant")).isTrue();
        assertThat(error("apply-mobileCode")).isEqualTo("请先点击“发送验证码”，并填写短信中的6位验证码，以确认联系手机号码。");
        assertThat(drafts()).isEqualTo(drafts);
    }

    @Test
    void aWrongSmsCodeIsExplainedAtTheCodeField() {
        open();
        fillValid(LegalPersonType.ENTERPRISE, newUscc("91"));
        _click(_get(Button.class, spec -> spec.withId("apply-sendCode")));
        assertThat(_get(Span.class, spec -> spec.withId("apply-codeSent")).getText()).isEqualTo("验证码已发送至 138****5678，10分钟内有效。");
        String right = MobileProofFixture.smsCode(context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class), MOBILE);
        _setValue(text("apply-mobileCode"), "000000".equals(right) ? "111111" : "000000");

        next();

        assertThat(currentStepIs("step-applicant")).isTrue();
        assertThat(error("apply-mobileCode")).isEqualTo("验证码不正确，请核对短信中的6位数字。");
    }

    @Test
    void theFormSpeaksEnglishForAnEnglishUi() {
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        open();
        fillValid(LegalPersonType.ENTERPRISE, newUscc("91"));
        _setValue(text("apply-name"), "");
        next();
        assertThat(text("apply-name").getLabel()).isEqualTo("Name");
        assertThat(error("apply-name")).doesNotContainPattern("\\p{IsHan}").isNotBlank();
    }

    // ---- helpers (the status page's test uses them too) -----------------------------------------------

    private static void open() {
        UI.getCurrent().navigate(ApplicationFormView.class);
    }

    static void fillValid(LegalPersonType type, String uscc) {
        type(type);
        _setValue(text("apply-name"), "深圳市腾讯计算机系统有限公司");
        _setValue(text("apply-uscc"), uscc);
        _setValue(text("apply-representativeName"), "张三");
        _setValue(text("apply-representativeIdNumber"), VALID_ID);
        _setValue(text("apply-representativeMobile"), MOBILE);
        _setValue(text("apply-contactMobile"), MOBILE);
    }

    /** Asks for the SMS code and types it, read from the outbox as a tester on the embedded defaults would. */
    void proveMobile() {
        _click(_get(Button.class, spec -> spec.withId("apply-sendCode")));
        _setValue(text("apply-mobileCode"),
                MobileProofFixture.smsCode(context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class), MOBILE));
    }

    private int drafts() {
        return context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select count(*) from registration_application").query(Integer.class).single();
    }

    @SuppressWarnings("unchecked")
    private static void type(LegalPersonType type) {
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withId("apply-legalPersonType")), type);
    }

    private static void next() {
        _click(_get(Button.class, spec -> spec.withId("apply-next-1")));
    }

    private static TextField text(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    private static String error(String id) {
        Component field = _get(Component.class, spec -> spec.withId(id));
        assertThat(((HasValidation) field).isInvalid()).as(id + " invalid").isTrue();
        return ((HasValidation) field).getErrorMessage();
    }

    private static boolean isInvalid(String id) {
        return ((HasValidation) _get(Component.class, spec -> spec.withId(id))).isInvalid();
    }

    private static boolean currentStepIs(String id) {
        return _get(Component.class, spec -> spec.withId(id)).isVisible();
    }

    private static List<String> checklist() {
        return _find(_get(Component.class, spec -> spec.withId("apply-checklist")), ListItem.class).stream()
                .map(item -> item.getElement().getAttribute("data-slot"))
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private static String label(String fieldId) {
        return _get(DocumentUploadField.class, spec -> spec.withId(fieldId)).getElement().getTextRecursively();
    }

    private static void upload(String slot, String name, String type, byte[] content) {
        DocumentUploadField field = _get(DocumentUploadField.class, spec -> spec.withId("document-" + slot));
        UploadKt._upload(_get(field, Upload.class), name, type, content);
        assertThat(field.getDocument()).as(slot + " stored: " + field.getErrorMessage()).isPresent();
    }

    /** A valid out-of-province code (Shenzhen) with this type prefix, new in this JVM. */
    static String newUscc(String prefix) {
        return org.reviewdesk.rules.TestCodes.uscc(prefix);
    }

    static byte[] pdf(String text) {
        return TestDocuments.pdf(text);
    }

    static byte[] png() {
        return TestDocuments.png();
    }
}
