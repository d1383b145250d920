package org.reviewdesk.registration;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.documents.intake.DocumentService;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.PersonalDataField;
import org.reviewdesk.platform.PersonalDataReveals;
import org.reviewdesk.platform.RevealProperties;
import org.reviewdesk.platform.Role;
import org.reviewdesk.review.Inbox;
import org.reviewdesk.review.InboxQuery;
import org.reviewdesk.review.InboxTab;
import org.reviewdesk.review.ReviewTask;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The audited reveal in the registration workbench (issue 14 item 2), on a real application in review
 * and its real inbox task: the full ID number and mobile for whoever may open the task, audited and
 * counted; the daily limit refuses in the reader's language; anyone else is refused by the service.
 */
class WorkbenchRevealTest extends KaribuTestSupport {

    @Autowired RegistrationReview reviews;
    @Autowired DocumentService documents;
    @Autowired BusinessTime time;
    @Autowired Inbox inbox;
    @Autowired JdbcClient jdbc;
    @Autowired RevealProperties limits;

    @Test
    void revealingShowsTheFullIdNumberAndMobileAndAuditsEach() {
        CurrentUser me = signIn("rv-reader");
        String number = ReviewFixture.inReview(context, "贵阳示例揭示有限公司");
        open(number, me);
        assertThat(facts()).doesNotContain(ReviewFixture.REPRESENTATIVE_ID, ReviewFixture.MOBILE);

        _click(_get(Button.class, spec -> spec.withId("reveal-representative-id-number")));
        _click(_get(Button.class, spec -> spec.withId("reveal-representative-mobile")));

        assertThat(facts()).contains(ReviewFixture.REPRESENTATIVE_ID, ReviewFixture.MOBILE);
        assertThat(_find(Button.class, spec -> spec.withId("reveal-representative-id-number"))).allMatch(b -> !b.isVisible());
        assertThat(jdbc.sql("""
                        select detail from audit_record where actor = 'rv-reader' and action = :action and case_ref = :number
                        order by id""")
                .param("action", PersonalDataReveals.REVEALED).param("number", number).query(String.class).list())
                .containsExactly("REPRESENTATIVE_ID_NUMBER on workbench", "REPRESENTATIVE_MOBILE on workbench");
    }

    @Test
    void theDailyLimitRefusesWithAClearMessageInChinese() {
        CurrentUser me = signIn("rv-limit-zh");
        String number = ReviewFixture.inReview(context, "昆明示例揭示有限公司");
        usedUpToday("rv-limit-zh");
        open(number, me);

        _click(_get(Button.class, spec -> spec.withId("reveal-representative-id-number")));

        expectNotifications("今日查看完整个人信息已达上限（每人每天 " + limits.perUserPerDay() + " 次），如确有需要请联系主管。");
        assertThat(facts()).doesNotContain(ReviewFixture.REPRESENTATIVE_ID);
        assertThat(refusals("rv-limit-zh", number)).isOne();
    }

    @Test
    void theDailyLimitRefusesWithAClearMessageInEnglish() {
        CurrentUser me = signIn("rv-limit-en");
        String number = ReviewFixture.inReview(context, "拉萨示例揭示有限公司");
        usedUpToday("rv-limit-en");
        UI.getCurrent().setLocale(Locale.ENGLISH);
        open(number, me);

        _click(_get(Button.class, spec -> spec.withId("reveal-representative-mobile")));

        expectNotifications("You have reached today's limit for showing full personal data (" + limits.perUserPerDay()
                + " per person per day). Ask a supervisor if you really need more.");
        assertThat(facts()).doesNotContain(ReviewFixture.MOBILE);
    }

    @Test
    void whoMayNotOpenTheCaseIsRefusedByTheServiceAndNothingIsCounted() {
        CurrentUser reviewer = signIn("rv-other");
        String number = ReviewFixture.inReview(context, "南宁示例揭示有限公司");
        String other = ReviewFixture.inReview(context, "海口示例揭示有限公司");
        String otherTask = task(other, reviewer).taskId();

        assertThatThrownBy(() -> reviews.reveal(number, otherTask, PersonalDataField.REPRESENTATIVE_ID_NUMBER, reviewer))
                .as("another case's task opens no reveal of this one").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reviews.reveal(number, "no-such-task", PersonalDataField.REPRESENTATIVE_ID_NUMBER, reviewer))
                .isInstanceOf(AccessDeniedException.class);
        String taskId = task(number, reviewer).taskId();
        CurrentUser agent = signIn("rv-agent", Role.HOTLINE_AGENT);
        assertThatThrownBy(() -> reviews.reveal(number, taskId, PersonalDataField.REPRESENTATIVE_ID_NUMBER, agent))
                .as("a hotline agent does not review registrations").isInstanceOf(AccessDeniedException.class);
        signIn("rv-other");
        assertThatThrownBy(() -> reviews.reveal(number, taskId, PersonalDataField.REPRESENTATIVE_ID_NUMBER,
                new CurrentUser("rv-someone-else", Set.of(Role.REVIEWER))))
                .as("a reveal is the signed-in user's own").isInstanceOf(AccessDeniedException.class);

        assertThat(jdbc.sql("select count(*) from audit_record where action = :a and case_ref = :n")
                .param("a", PersonalDataReveals.REVEALED).param("n", number).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from personal_data_reveal_count where actor in ('rv-other', 'rv-agent')")
                .query(Long.class).single()).as("nothing counted").isZero();
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private CurrentUser signIn(String username, Role... roles) {
        Role[] given = roles.length == 0 ? new Role[] {Role.REVIEWER} : roles;
        signInAs(username, given);
        return new CurrentUser(username, Set.of(given));
    }

    /** The case's real inbox task as the user finds it. */
    private ReviewTask task(String number, CurrentUser user) {
        return inbox.page(new InboxQuery(InboxTab.UNCLAIMED, null, number, null, InboxQuery.Sort.DUE, 0, 1), user).get(0);
    }

    private void open(String number, CurrentUser user) {
        UI.getCurrent().add(new RegistrationWorkbench(reviews, documents, context.getBean(org.reviewdesk.review.ColleagueNames.class), task(number, user), user, time, () -> { }));
    }

    private static String facts() {
        return _get(Div.class, spec -> spec.withId("workbench-application")).getElement().getTextRecursively();
    }

    private void usedUpToday(String username) {
        jdbc.sql("insert into personal_data_reveal_count (actor, reveal_day, revealed) values (:u, :day, :n)")
                .param("u", username).param("day", time.today()).param("n", limits.perUserPerDay()).update();
    }

    private long refusals(String username, String number) {
        return jdbc.sql("select count(*) from audit_record where actor = :u and action = :a and case_ref = :n")
                .param("u", username).param("a", PersonalDataReveals.REFUSED).param("n", number).query(Long.class).single();
    }
}
