package org.reviewdesk.registration;

import org.reviewdesk.platform.BusinessTime;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.documents.intake.DocumentService;
import org.reviewdesk.documents.intake.TextPdfs;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.review.ReviewTask;
import org.springframework.beans.factory.annotation.Autowired;

/** The workbench's documents panel shows each version's text-layer cross-check against the application. */
class RegistrationWorkbenchTextCheckTest extends KaribuTestSupport {

    static final String LICENCE = "business-licence";

    @Autowired RegistrationReview reviews;
    @Autowired DocumentService documents;
    @Autowired BusinessTime time;

    private String licenceOfItsOwn(String enterpriseName, String code) {
        signInAs("wb-text", Role.REVIEWER);
        CurrentUser user = new CurrentUser("wb-text", Set.of(Role.REVIEWER));
        String number = ReviewFixture.inReview(context, enterpriseName);
        String uscc = reviews.reviewCase(number, user).uscc();
        documents.upload(number, LICENCE, "licence.pdf", "application/pdf", new ByteArrayInputStream(
                TextPdfs.withText("营业执照", "统一社会信用代码 " + (code == null ? uscc : code), "名称 " + enterpriseName)), "applicant");
        ReviewTask task = new ReviewTask("task-of-" + number, RegistrationProcess.KEY, "pi", number, "review", "人工审核",
                List.of("reviewers"), null, OffsetDateTime.now(), OffsetDateTime.now().plusDays(5), 50,
                number, enterpriseName, uscc, OffsetDateTime.now());
        UI.getCurrent().add(new RegistrationWorkbench(reviews, documents, context.getBean(org.reviewdesk.review.ColleagueNames.class), task, user, time, () -> { }));
        return number;
    }

    private static String version(String which) {
        return _get(Div.class, spec -> spec.withId("slot-" + LICENCE)).getChildren()
                .flatMap(c -> c.getChildren()).filter(c -> c.hasClassName("workbench-version--" + which))
                .findFirst().orElseThrow().getElement().getTextRecursively();
    }

    @Test
    void aLicenceShowingTheApplicationsCodeAndNameSaysBothFoundAndTheImageBeforeItHasNoTextLayer() {
        licenceOfItsOwn("成都文字层示例科技有限公司", null);

        assertThat(version("newest")).contains("统一社会信用代码：找到", "企业名称：找到");
        assertThat(version("older")).contains("无文字层（扫描件）").doesNotContain("找到");
    }

    @Test
    void aLicenceOfAnotherCodeSaysTheCodeIsNotFound() {
        licenceOfItsOwn("绵阳文字层示例科技有限公司", "91110108551385082Q");

        assertThat(version("newest")).contains("统一社会信用代码：未找到", "企业名称：找到");
    }
}
