package org.reviewdesk.review;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteParameters;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reviewdesk.KaribuTestSupport;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.registration.RegistrationProcess;
import org.reviewdesk.registration.ReviewFixture;
import org.springframework.beans.factory.annotation.Autowired;

/** The review view's process diagram: the deployed model, where the case stands, and for whom. */
class ProcessDiagramTest extends KaribuTestSupport {

    @Autowired Inbox inbox;
    @Autowired ProcessDiagrams diagrams;

    @Test
    void theReviewViewShowsTheDeployedModelWithTheReviewStepCurrentAndTheChecksDone() {
        signInAs("diagram-looker", Role.REVIEWER);
        CurrentUser me = new CurrentUser("diagram-looker", Set.of(Role.REVIEWER));
        String taskId = InboxFixtures.unclaimedTaskOf(inbox, ReviewFixture.inReview(context, "长沙流程图示例有限公司"), me);

        UI.getCurrent().navigate(ReviewView.class, new RouteParameters(ReviewView.TASK_ID, taskId));

        ProcessDiagram diagram = _get(ProcessDiagram.class, spec -> spec.withId("process-diagram"));
        ProcessDiagramModel model = diagram.model();
        assertThat(model.xml()).contains("<bpmn:process ", "id=\"registration\"", "bpmndi:BPMNDiagram", "name=\"人工审核\"");
        assertThat(model.currentActivityIds()).containsExactly(RegistrationProcess.Activity.REVIEW);
        assertThat(model.completedActivityIds()).contains(RegistrationProcess.Activity.SUBMITTED,
                        RegistrationProcess.Activity.CHECK_CREDIT_CODE, RegistrationProcess.Activity.CHECK_DOCUMENTS,
                        RegistrationProcess.Activity.START_REVIEW)
                .doesNotContain(RegistrationProcess.Activity.REVIEW, RegistrationProcess.Activity.APPROVED,
                        RegistrationProcess.Activity.STOPPED);
        assertThat(diagram.isOpened()).as("collapsed until the reviewer opens it").isFalse();
        assertThat(diagram.getSummary().getElement().getTextRecursively()).contains("流程图", "当前环节：人工审核");
    }

    @Test
    void inEnglishTheDiagramAndItsSummaryNameTheStepsInEnglish() {
        signInAs("diagram-reader", Role.REVIEWER);
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        CurrentUser me = new CurrentUser("diagram-reader", Set.of(Role.REVIEWER));
        String taskId = InboxFixtures.unclaimedTaskOf(inbox, ReviewFixture.inReview(context, "武汉流程图示例有限公司"), me);

        UI.getCurrent().navigate(ReviewView.class, new RouteParameters(ReviewView.TASK_ID, taskId));

        ProcessDiagram diagram = _get(ProcessDiagram.class, spec -> spec.withId("process-diagram"));
        assertThat(diagram.model().xml()).contains("name=\"Review\"", "name=\"Check credit code\"").doesNotContain("人工审核");
        assertThat(diagram.getSummary().getElement().getTextRecursively()).endsWith("Review").doesNotContain("人工审核");
        assertThat(_get(ReviewTaskHeader.class).getElement().getTextRecursively()).contains("Review").doesNotContain("人工审核");
    }

    @Test
    void aTaskTheUserMayNotSeeHasNoDiagram() {
        CurrentUser reviewer = new CurrentUser("diagram-reviewer", Set.of(Role.REVIEWER));
        String taskId = InboxFixtures.unclaimedTaskOf(inbox, ReviewFixture.inReview(context, "南昌流程图示例有限公司"), reviewer);

        assertThat(diagrams.of(taskId, reviewer)).isPresent();
        assertThat(diagrams.of(taskId, new CurrentUser("diagram-agent", Set.of(Role.HOTLINE_AGENT)))).isEmpty();
        assertThat(diagrams.of("no-such-task", reviewer)).isEmpty();
    }

    @Test
    void aCraftedTaskIdShowsNoDiagram() {
        signInAs("diagram-prober", Role.REVIEWER);

        UI.getCurrent().navigate(ReviewView.class, new RouteParameters(ReviewView.TASK_ID, "no-such-task-0000"));

        assertThat(_find(ProcessDiagram.class)).isEmpty();
    }
}
