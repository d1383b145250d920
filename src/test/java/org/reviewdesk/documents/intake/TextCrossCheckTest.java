package org.reviewdesk.documents.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The text-layer cross-check on real PDFs through the application's DocumentService and the real
 * inspector: the text is extracted once at upload, the code and name looked up in it afterwards.
 */
@ApplicationTest
class TextCrossCheckTest {

    static final String CODE = "914403001922038216";
    static final String NAME = "深圳市示例科技有限公司";
    static final Access REVIEWER = Access.staff(new CurrentUser("reviewer", Set.of(Role.REVIEWER)));

    @Autowired DocumentService documents;

    final String caseRef = Fixtures.registrationRef();

    DocumentInfo upload(byte[] file) {
        return documents.upload(caseRef, "business-licence", "licence.pdf", "application/pdf",
                new ByteArrayInputStream(file), "applicant");
    }

    TextCrossCheck check(byte[] file) {
        return documents.crossCheck(upload(file).id(), REVIEWER, CODE, NAME);
    }

    @Test
    void aLicenceWithTheCodeAndNameFindsBoth() {
        assertThat(check(TextPdfs.withText("营业执照", "统一社会信用代码 " + CODE, "名称 " + NAME)))
                .isEqualTo(new TextCrossCheck(true, true, true));
    }

    @Test
    void aLicenceOfAnotherCodeFindsTheNameButNotTheCode() {
        assertThat(check(TextPdfs.withText("营业执照", "统一社会信用代码 91110108551385082Q", "名称 " + NAME)))
                .isEqualTo(new TextCrossCheck(true, false, true));
    }

    @Test
    void aScannedPdfHasNoTextLayer() {
        assertThat(check(TextPdfs.scanned("营业执照", "统一社会信用代码 " + CODE, "名称 " + NAME)))
                .isEqualTo(new TextCrossCheck(false, false, false));
    }

    @Test
    void anImageHasNoTextLayer() {
        assertThat(check(Fixtures.png(400, 300))).isEqualTo(new TextCrossCheck(false, false, false));
    }

    @Test
    void aNameBrokenOverTwoLinesIsFound() {
        assertThat(check(TextPdfs.withText("营业执照", "名称 深圳市示例", "科技有限公司", "统一社会信用代码 " + CODE)))
                .isEqualTo(new TextCrossCheck(true, true, true));
    }

    @Test
    void aCodeInFullWidthDigitsOrSpacedOutIsFound() {
        assertThat(check(TextPdfs.withText("统一社会信用代码 ９１４４０３００１９２２０３８２１６", "名称 " + NAME)).codeFound()).isTrue();
        assertThat(check(TextPdfs.withText("代码 9144 0300 1922 0382 16", "名称 " + NAME)).codeFound()).isTrue();
    }

    @Test
    void aCodeWithLowerCaseLettersIsFound() {
        DocumentInfo stored = upload(TextPdfs.withText("代码 91350100m000100y43", NAME));

        assertThat(documents.crossCheck(stored.id(), REVIEWER, "91350100M000100Y43", NAME).codeFound()).isTrue();
    }

    @Test
    void aNameInFullWidthBracketsMatchesTheFormsHalfWidthOnes() {
        DocumentInfo stored = upload(TextPdfs.withText("名称 示例（深圳）科技有限公司", CODE));

        assertThat(documents.crossCheck(stored.id(), REVIEWER, CODE, "示例(深圳)科技有限公司").nameFound()).isTrue();
        assertThat(documents.crossCheck(stored.id(), REVIEWER, CODE, "示例(广州)科技有限公司").nameFound()).isFalse();
    }

    @Test
    void aPdfOverThePageLimitIsRefusedAtUploadAndLeavesNothingToCheck() {
        assertThatThrownBy(() -> check(Fixtures.pdf(51, "USCC " + CODE)))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("inspection.refused.tooManyPages"));
        assertThat(documents.versions(caseRef, "business-licence")).isEmpty();
    }

    @Test
    void aMalformedPdfIsRefusedAtUploadAndLeavesNothingToCheck() {
        byte[] licence = TextPdfs.withText("统一社会信用代码 " + CODE, NAME);

        assertThatThrownBy(() -> check(Arrays.copyOf(licence, licence.length / 2)))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("inspection.refused.damaged"));
        assertThat(documents.versions(caseRef, "business-licence")).isEmpty();
    }

    @Test
    void anApplicantCannotCheckAnotherCasesDocument() {
        DocumentInfo stored = upload(TextPdfs.withText(CODE));

        assertThatThrownBy(() -> documents.crossCheck(stored.id(), Access.applicantOf("CASE-other"), CODE, NAME))
                .isInstanceOf(AccessDeniedException.class);
    }
}
