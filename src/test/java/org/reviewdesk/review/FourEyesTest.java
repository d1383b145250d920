package org.reviewdesk.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The four-eyes rule of a model that declares it ({@code review/four-eyes-test.bpmn}: 初审, then 复核
 * with {@code reviewdesk.fourEyesAfter=firstReview}) through the real engine: whoever completed the
 * first step may neither claim nor complete the second, through the inbox or the engine directly;
 * a refusal changes nothing and is audited; a colleague may.
 */
@ApplicationTest
class FourEyesTest {

    static final CurrentUser FIRST = new CurrentUser("reviewer", Set.of(Role.REVIEWER));
    static final CurrentUser SECOND = new CurrentUser("reviewer2", Set.of(Role.REVIEWER));
    static final String KEY = "fourEyesTest";

    @Autowired Inbox inbox;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identities;
    @Autowired JdbcClient jdbc;
    @Autowired MessageSource messages;

    String caseRef;
    String instance;

    @BeforeEach
    void firstStepDoneByFirst() {
        if (repository.createProcessDefinitionQuery().processDefinitionKey(KEY).count() == 0) {
            repository.createDeployment().addClasspathResource("review/four-eyes-test.bpmn").deploy();
        }
        caseRef = "FE" + UUID.randomUUID().toString().substring(0, 8);
        instance = runtime.startProcessInstanceByKey(KEY, caseRef).getId();
        Task first = task("firstReview");
        inbox.claim(first.getId(), FIRST);
        tasks.complete(first.getId());
    }

    @AfterEach
    void noAuthenticationLeftBehind() {
        identities.clearAuthentication();
    }

    @Test
    void whoDidTheFirstStepCannotClaimTheSecondInTheInbox() {
        Task second = task("secondApproval");

        assertThatThrownBy(() -> inbox.claim(second.getId(), FIRST))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("review.fourEyes.refused");
                    assertThat(messages.getMessage(e.messageKey(), e.arguments(), Locale.SIMPLIFIED_CHINESE)).contains("“初审”");
                    assertThat((String) e.arguments()[1]).contains("reviewer");
                });

        assertThat(task("secondApproval").getAssignee()).as("nothing half-done in the engine").isNull();
        assertThat(jdbc.sql("select count(*) from review_task where task_id = :id and assignee is null").param("id", second.getId())
                .query(Long.class).single()).as("nor in the inbox").isEqualTo(1);
        assertThat(audit("review.fourEyes.refused")).isEqualTo(1);
        assertThat(audit(InboxService.AUDIT_CLAIM)).as("only the first step's claim").isEqualTo(1);
    }

    @Test
    void theEngineRefusesItEvenThroughTaskServiceDirectly() {
        Task second = task("secondApproval");

        assertThatThrownBy(() -> tasks.claim(second.getId(), FIRST.username()))
                .isInstanceOf(ProcessEngineException.class)
                .satisfies(e -> assertThat(EngineRefusals.unwrap((RuntimeException) e)).isInstanceOf(UserFacingException.class));
        assertThatThrownBy(() -> tasks.setAssignee(second.getId(), FIRST.username()))
                .satisfies(e -> assertThat(((UserFacingException) EngineRefusals.unwrap((RuntimeException) e)).messageKey())
                        .isEqualTo("review.fourEyes.refused"));
        assertThat(task("secondApproval").getAssignee()).isNull();
    }

    @Test
    void whoDidTheFirstStepCannotCompleteTheSecondEvenAssignedToAColleague() {
        Task second = task("secondApproval");
        inbox.claim(second.getId(), SECOND);

        identities.setAuthenticatedUserId(FIRST.username());
        assertThatThrownBy(() -> tasks.complete(second.getId()))
                .satisfies(e -> assertThat(((UserFacingException) EngineRefusals.unwrap((RuntimeException) e)).messageKey())
                        .isEqualTo("review.fourEyes.refused"));
        identities.clearAuthentication();

        assertThat(task("secondApproval")).as("the task is still open").isNotNull();
        assertThat(task("secondApproval").getAssignee()).isEqualTo(SECOND.username());
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isEqualTo(1);
        assertThat(audit("review.fourEyes.refused")).isEqualTo(1);
    }

    @Test
    void aColleagueClaimsAndCompletesTheSecondStep() {
        Task second = task("secondApproval");

        inbox.claim(second.getId(), SECOND);
        identities.setAuthenticatedUserId(SECOND.username());
        tasks.complete(second.getId());

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).as("the process ended").isZero();
        assertThat(audit("review.fourEyes.refused")).isZero();
    }

    @Test
    void aSupervisorCannotAssignTheSecondStepToWhoDidTheFirst() {
        Task second = task("secondApproval");
        CurrentUser supervisor = new CurrentUser("supervisor", Set.of(Role.SUPERVISOR, Role.REVIEWER));

        assertThatThrownBy(() -> inbox.assign(second.getId(), FIRST.username(), supervisor))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("review.fourEyes.refused"));
        inbox.assign(second.getId(), SECOND.username(), supervisor);
        assertThat(task("secondApproval").getAssignee()).isEqualTo(SECOND.username());
    }

    private Task task(String key) {
        return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
    }

    private long audit(String action) {
        return jdbc.sql("select count(*) from audit_record where case_ref = :ref and action = :action")
                .param("ref", caseRef).param("action", action).query(Long.class).single();
    }
}
