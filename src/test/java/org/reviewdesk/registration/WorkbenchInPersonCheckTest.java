package org.reviewdesk.registration;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.documents.intake.DocumentService;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.review.ReviewTask;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.window.InPersonVerifications;
import org.springframework.beans.factory.annotation.Autowired;

/** The reviewer reads on the case that the applicant's identity was checked in person at the window. */
class WorkbenchInPersonCheckTest extends KaribuTestSupport {

    @Autowired RegistrationReview reviews;
    @Autowired DocumentService documents;
    @Autowired BusinessTime time;
    @Autowired InPersonVerifications verifications;

    @Test
    void theWorkbenchSaysWhoVerifiedTheIdentityAtTheWindowAndWhen() {
        String number = ReviewFixture.inReview(context, "窗口核验示例有限公司");
        signInAs("window", Role.WINDOW_CLERK);
        verifications.record(number, IdType.RESIDENT_ID, ReviewFixture.REPRESENTATIVE_ID.substring(12));

        signInAs("wb-window-reader", Role.REVIEWER);
        ReviewTask task = new ReviewTask("task-of-" + number, RegistrationProcess.KEY, "pi", number, "review", "人工审核",
                List.of("reviewers"), null, OffsetDateTime.now(), OffsetDateTime.now().plusDays(5), 50,
                number, "窗口核验示例有限公司", null, OffsetDateTime.now());
        UI.getCurrent().add(new RegistrationWorkbench(reviews, documents, context.getBean(org.reviewdesk.review.ColleagueNames.class), task, new CurrentUser("wb-window-reader", Set.of(Role.REVIEWER)),
                time, () -> { }, verifications::find));

        assertThat(_get(Paragraph.class, s -> s.withId("workbench-in-person")).getElement().getTextRecursively())
                .startsWith("已于线下窗口现场核验身份：window（居民身份证 1****************X），")
                .doesNotContain(ReviewFixture.REPRESENTATIVE_ID);
    }
}
