package org.reviewdesk.review;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.RouteParameters;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.registration.RegistrationReview;
import org.reviewdesk.registration.RegistrationState;
import org.reviewdesk.registration.ReviewFixture;
import org.springframework.beans.factory.annotation.Autowired;

/** The review view: a task's header and the registration workbench, claim, decision and the way back. */
class ReviewViewTest extends KaribuTestSupport {

    @Autowired Inbox inbox;
    @Autowired RegistrationReview reviews;

    private String taskOf(String number, CurrentUser user) {
        return InboxFixtures.unclaimedTaskOf(inbox, number, user);
    }

    private static void openTask(String taskId) {
        UI.getCurrent().navigate(ReviewView.class, new RouteParameters(ReviewView.TASK_ID, taskId));
    }

    @Test
    void anUnclaimedTaskShowsNoDecisionForm() {
        signInAs("review-looker", Role.REVIEWER);
        CurrentUser me = new CurrentUser("review-looker", Set.of(Role.REVIEWER));
        String number = ReviewFixture.inReview(context, "太原示例有限公司");

        openTask(taskOf(number, me));

        assertThat(currentView()).isInstanceOf(ReviewView.class);
        assertThat(_get(Div.class, spec -> spec.withId("review-header")).getElement().getTextRecursively())
                .contains(number, "太原示例有限公司", "未领取");
        assertThat(_find(Div.class, spec -> spec.withId("workbench-decision"))).isEmpty();
        assertThat(_find(Div.class, spec -> spec.withId("decision-claim-hint"))).hasSize(1);
    }

    @Test
    void theHeaderNamesTheNumberInTheTermsOfItsProcess() {
        signInAs("review-labeller", Role.REVIEWER);
        CurrentUser me = new CurrentUser("review-labeller", Set.of(Role.REVIEWER));
        openTask(taskOf(ReviewFixture.inReview(context, "沈阳示例有限公司"), me));
        assertThat(caseRefLabel()).isEqualTo("申请编号");

        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        openTask(taskOf(ReviewFixture.inReview(context, "大连示例有限公司"), me));
        assertThat(caseRefLabel()).isEqualTo("Application no.");

        // a process without a term of its own keeps the general word, never another process's
        UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        InboxFixtures fixtures = new InboxFixtures(context.getBean(org.camunda.bpm.engine.RepositoryService.class),
                context.getBean(org.camunda.bpm.engine.RuntimeService.class), context.getBean(org.camunda.bpm.engine.TaskService.class));
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
        ReviewTask other = inbox.find(fixtures.start(InboxFixtures.marker(), "reviewers", now.plusDays(3), 50, now).getId(), me)
                .orElseThrow();
        ReviewTaskHeader header = new ReviewTaskHeader(other, "流程", "步骤", me, false,
                context.getBean(org.reviewdesk.rules.WorkingDayCalendar.class), context.getBean(org.reviewdesk.platform.BusinessTime.class),
                () -> { }, () -> { }, new Div());
        assertThat(caseRefLabel(header)).isEqualTo("编号");
    }

    private static String caseRefLabel() {
        return caseRefLabel(_get(Div.class, spec -> spec.withId("review-header")));
    }

    private static String caseRefLabel(Div header) {
        return _get(header, Div.class, spec -> spec.withClasses("review-header__case-ref")).getChildren()
                .findFirst().orElseThrow().getElement().getText();
    }

    @Test
    @SuppressWarnings("unchecked")
    void afterClaimingTheReviewerApprovesAndReturnsToTheInbox() {
        signInAs("review-approver", Role.REVIEWER);
        CurrentUser me = new CurrentUser("review-approver", Set.of(Role.REVIEWER));
        String number = ReviewFixture.inReview(context, "济南示例有限公司");
        openTask(taskOf(number, me));

        _click(_get(Button.class, spec -> spec.withId("review-claim")));
        assertThat(_get(Div.class, spec -> spec.withId("review-header")).getElement().getTextRecursively()).contains("我");
        RadioButtonGroup<Object> outcome = _get(RadioButtonGroup.class, spec -> spec.withId("decision-outcome"));
        outcome.setValue(outcome.getListDataView().getItems().filter(o -> o.toString().equals("APPROVE")).findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("decision-submit")));
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(
                _get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class, spec -> spec.withId("decision-confirm")));

        assertThat(reviews.state(number, me)).isEqualTo(RegistrationState.APPROVED);
        assertThat(currentView()).isInstanceOf(InboxView.class);
    }

    @Test
    void aReviewerAddsAnInternalCommentShownWithAuthorAndTime() {
        signInAs("review-commenter", Role.REVIEWER);
        CurrentUser me = new CurrentUser("review-commenter", Set.of(Role.REVIEWER));
        String number = ReviewFixture.inReview(context, "银川示例有限公司");
        openTask(taskOf(number, me));

        Div panel = _get(Div.class, spec -> spec.withId("review-comments"));
        assertThat(panel.getElement().getTextRecursively()).contains("暂无内部意见", "申请人看不到");
        _click(_get(Button.class, spec -> spec.withId("review-comment-add")));
        assertThat(_get(TextArea.class, spec -> spec.withId("review-comment-text")).getErrorMessage()).isEqualTo("请填写意见内容。");

        _setValue(_get(TextArea.class, spec -> spec.withId("review-comment-text")), "第一条意见");
        _click(_get(Button.class, spec -> spec.withId("review-comment-add")));
        _setValue(_get(TextArea.class, spec -> spec.withId("review-comment-text")), "第二条意见");
        _click(_get(Button.class, spec -> spec.withId("review-comment-add")));

        List<String> items = _find(panel, ListItem.class).stream().map(i -> i.getElement().getTextRecursively()).toList();
        assertThat(items).hasSize(2);
        assertThat(items.get(0)).startsWith("review-commenter").contains("第一条意见")
                .containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(items.get(1)).as("newest last").contains("第二条意见");
        assertThat(_get(TextArea.class, spec -> spec.withId("review-comment-text")).getValue()).isEmpty();
    }

    @Test
    void aCraftedTaskIdShowsOnlyTheNotFoundMessage() {
        signInAs("review-prober", Role.REVIEWER);

        openTask("no-such-task-0000");

        assertThat(_get(Div.class, spec -> spec.withId("review-not-found")).getElement().getTextRecursively())
                .contains("未找到该任务");
        assertThat(_find(Div.class, spec -> spec.withId("review-header"))).isEmpty();
        assertThat(_find(Div.class, spec -> spec.withId("registration-workbench"))).isEmpty();
    }

    @Test
    void aHotlineAgentSeesNothingOfARegistrationReview() {
        signInAs("review-reviewer", Role.REVIEWER);
        String taskId = taskOf(ReviewFixture.inReview(context, "海口示例有限公司"),
                new CurrentUser("review-reviewer", Set.of(Role.REVIEWER)));
        signInAs("review-hotline", Role.HOTLINE_AGENT);

        openTask(taskId);

        // hotline agents work their own processes in the same view; a registration is not theirs
        assertThat(_get(Div.class, spec -> spec.withId("review-not-found")).getElement().getTextRecursively())
                .contains("未找到该任务");
        assertThat(_find(Div.class, spec -> spec.withId("review-header"))).isEmpty();
        assertThat(_find(Div.class, spec -> spec.withId("registration-workbench"))).isEmpty();
    }
}
