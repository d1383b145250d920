package org.reviewdesk.namechange;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.registration.MobileProofFixture;
import org.reviewdesk.registration.TestDocuments;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.TestCodes;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code /rename} and {@code /rename/status} with the real service: a 企业 applies with the SMS code
 * and its licence and follows the case with the number and access code; another legal-person type is
 * told the portal's rule at once and offered the deregistration route; refusals show at their fields.
 */
class RenameFormViewTest extends KaribuTestSupport {

    static final String MOBILE = "13912345678";

    @Test
    void anEnterpriseAppliesAndFollowsItsCaseOnTheStatusPage() {
        String uscc = NameChangeFixture.account(context, LegalPersonType.ENTERPRISE);
        open();
        fill(uscc, NameChangeFixture.NEW_NAME);
        proveMobile();
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("licence")), "执照.pdf", "application/pdf",
                TestDocuments.pdf("Business licence " + uscc + " " + NameChangeFixture.NEW_NAME));
        _click(_get(Button.class, spec -> spec.withId("submit")));

        String shown = _get(Component.class, spec -> spec.withId("submitted")).getElement().getTextRecursively();
        String number = context.getBean(JdbcClient.class).sql("select number from name_change where uscc = :u").param("u", uscc)
                .query(String.class).single();
        assertThat(shown).contains(number);
        String accessCode = shown.replaceAll(".*查询码：([A-Z0-9]{8}).*", "$1");

        UI.getCurrent().navigate(RenameStatusView.class);
        _setValue(_get(TextField.class, spec -> spec.withId("number")), number);
        _setValue(_get(PasswordField.class, spec -> spec.withId("accessCode")), accessCode);
        _click(_get(Button.class, spec -> spec.withId("open")));
        assertThat(_get(Component.class, spec -> spec.withId("status-facts")).getElement().getTextRecursively())
                .contains("自动核验中", NameChangeFixture.OLD_NAME, NameChangeFixture.NEW_NAME);
        assertThat(_get(Component.class, spec -> spec.withId("status-timeline")).getElement().getTextRecursively())
                .contains("网上提交申请");
        Anchor receipt = _get(Anchor.class, spec -> spec.withId("receipt-download"));
        assertThat(receipt.getText()).isEqualTo("下载受理回执（PDF）");
        assertThat(receipt.getHref()).as("a download served by the page").isNotBlank();
    }

    @Test
    void aPublicInstitutionIsToldToDeregisterAndRegisterAgainAndOfferedTheWay() {
        String uscc = NameChangeFixture.account(context, LegalPersonType.PUBLIC_INSTITUTION);
        open();
        _setValue(text("uscc"), uscc);

        Component rule = _get(Component.class, spec -> spec.withId("type-rule"));
        assertThat(rule.isVisible()).isTrue();
        assertThat(rule.getElement().getTextRecursively()).contains("事业单位", "注销", "重新注册");
        assertThat(_get(Anchor.class, spec -> spec.withId("change-link")).getHref()).isEqualTo("change?reason=NAME_CHANGED");
    }

    @Test
    void theRuleSpeaksEnglishForAnEnglishUi() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        open();
        _setValue(text("uscc"), TestCodes.uscc(LegalPersonType.INDIVIDUAL_BUSINESS));
        assertThat(_get(Component.class, spec -> spec.withId("type-rule")).getElement().getTextRecursively())
                .contains("deregister", "register again").doesNotContainPattern("\\p{IsHan}{3}");
    }

    @Test
    void theLicenceUploadSpeaksTheApplicantsLanguage() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        open();
        Upload licence = _get(Upload.class, spec -> spec.withId("licence"));
        // Vaadin's own "Upload File..." and "Drop file here" had shown in either language
        assertThat(licence.getI18n().getAddFiles().getOne()).isEqualTo("Choose file…");
        assertThat(licence.getI18n().getDropFiles().getOne()).isEqualTo("or drop the file here");
        assertThat(licence.getI18n().getError().getIncorrectFileType()).isEqualTo("Only PDF, JPG or PNG files can be uploaded.");
    }

    @Test
    void brokenFieldsAreExplainedAtTheirFieldsAndNothingIsOpened() {
        open();
        fill("91440300192203821", "");
        _click(_get(Button.class, spec -> spec.withId("submit")));

        assertThat(error("uscc")).contains("18");
        assertThat(error("newName")).isEqualTo("请填写此项。");
    }

    @Test
    void aWrongSmsCodeIsExplainedAtTheCodeField() {
        String uscc = NameChangeFixture.account(context, LegalPersonType.ENTERPRISE);
        open();
        fill(uscc, NameChangeFixture.NEW_NAME);
        _click(_get(Button.class, spec -> spec.withId("send-code")));
        String right = MobileProofFixture.smsCode(context.getBean(JdbcClient.class), MOBILE);
        _setValue(text("mobileCode"), "000000".equals(right) ? "111111" : "000000");
        _click(_get(Button.class, spec -> spec.withId("submit")));

        assertThat(error("mobileCode")).isNotBlank();
    }

    private static void open() {
        UI.getCurrent().navigate(RenameFormView.class);
    }

    private static void fill(String uscc, String newName) {
        _setValue(text("uscc"), uscc);
        _setValue(text("newName"), newName);
        _setValue(text("applicantName"), "张三");
        _setValue(text("applicantMobile"), MOBILE);
    }

    private void proveMobile() {
        _click(_get(Button.class, spec -> spec.withId("send-code")));
        _setValue(text("mobileCode"), MobileProofFixture.smsCode(context.getBean(JdbcClient.class), MOBILE));
    }

    private static TextField text(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    private static String error(String id) {
        Component field = _get(Component.class, spec -> spec.withId(id));
        assertThat(((HasValidation) field).isInvalid()).as(id + " invalid").isTrue();
        return ((HasValidation) field).getErrorMessage();
    }
}
