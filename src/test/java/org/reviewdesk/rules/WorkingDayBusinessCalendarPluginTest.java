package org.reviewdesk.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reviewdesk.platform.AuditLog;

class WorkingDayBusinessCalendarPluginTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Date EVE_OF_NATIONAL_DAY = at("2026-09-30T10:00");
    private static final Date THREE_WORKING_DAYS_LATER = at("2026-10-10T10:00");

    @RegisterExtension
    static final ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .useProcessEngine(engineWithWorkingDayCalendar()).build();

    /** Set by the extension. */
    ProcessEngine engine;

    @AfterAll
    static void closeEngine() {
        extension.getProcessEngine().close();
    }

    /** The plugin as Spring would add it, in an engine of its own: no Spring context needed. */
    private static ProcessEngine engineWithWorkingDayCalendar() {
        WorkingDayCalendar calendar = WorkingDayCalendarTest.calendar(new InMemoryWorkingDayOverrides(),
                new InMemoryYearsBeyondData(), mock(AuditLog.class), LocalDate.of(2026, 9, 30));
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("working-day-calendar-" + UUID.randomUUID());
        configuration.setJdbcUrl("jdbc:h2:mem:" + configuration.getProcessEngineName() + ";DB_CLOSE_DELAY=-1");
        configuration.setJobExecutorActivate(false);
        configuration.setProcessEnginePlugins(List.of(new WorkingDayBusinessCalendarPlugin(calendar)));
        return configuration.buildProcessEngine();
    }

    @BeforeEach
    void engineTimeIsTheEveOfNationalDay() {
        extension.setCurrentTime(EVE_OF_NATIONAL_DAY);
    }

    @Test
    void userTaskDueInThreeWorkingDaysIsDueOnTheAdjustedSaturdayAfterNationalDay() {
        start(Bpmn.createExecutableProcess("reviewing").camundaHistoryTimeToLive(30)
                .startEvent().userTask("review").camundaDueDate("P3WD").endEvent().done(), Map.of());

        assertThat(reviewTask().getDueDate()).isEqualTo(THREE_WORKING_DAYS_LATER);
    }

    @Test
    void dueDateFromAnExpressionMayBeWrittenInWorkingDays() {
        start(Bpmn.createExecutableProcess("reviewing").camundaHistoryTimeToLive(30)
                .startEvent().userTask("review").camundaDueDate("${reviewDue}").endEvent().done(), Map.of("reviewDue", "P3WD"));

        assertThat(reviewTask().getDueDate()).isEqualTo(THREE_WORKING_DAYS_LATER);
    }

    @Test
    void timerOfThreeWorkingDaysFiresOnTheAdjustedSaturdayAfterNationalDay() {
        ProcessInstance instance = start(Bpmn.createExecutableProcess("waiting").camundaHistoryTimeToLive(30)
                .startEvent().intermediateCatchEvent("threeWorkingDays").timerWithDuration("P3WD").endEvent().done(), Map.of());

        Job timer = engine.getManagementService().createJobQuery().timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(THREE_WORKING_DAYS_LATER);

        engine.getManagementService().executeJob(timer.getId());
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void overdueBoundaryTimerUsesWorkingDays() {
        start(Bpmn.createExecutableProcess("reviewing").camundaHistoryTimeToLive(30)
                .startEvent().userTask("review")
                .boundaryEvent("overdue").cancelActivity(false).timerWithDuration("P3WD").endEvent("flagged")
                .moveToActivity("review").endEvent().done(), Map.of());

        assertThat(engine.getManagementService().createJobQuery().timers().singleResult().getDuedate())
                .isEqualTo(THREE_WORKING_DAYS_LATER);
    }

    @Test
    void ordinaryIsoValuesStillGoToTheEngineCalendars() {
        start(Bpmn.createExecutableProcess("reviewing").camundaHistoryTimeToLive(30)
                .startEvent().userTask("review").camundaDueDate("P2D")
                .intermediateCatchEvent("hour").timerWithDuration("PT1H").endEvent().done(), Map.of());

        assertThat(reviewTask().getDueDate()).isEqualTo(at("2026-10-02T10:00"));
        engine.getTaskService().complete(reviewTask().getId());
        assertThat(engine.getManagementService().createJobQuery().timers().singleResult().getDuedate())
                .isEqualTo(at("2026-09-30T11:00"));
    }

    @Test
    void malformedWorkingDayValueIsRefusedByTheEngine() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("reviewing").camundaHistoryTimeToLive(30)
                .startEvent().userTask("review").camundaDueDate("P3wd").endEvent().done();

        assertThatThrownBy(() -> start(model, Map.of())).isInstanceOf(ProcessEngineException.class);
    }

    private ProcessInstance start(BpmnModelInstance model, Map<String, Object> variables) {
        String key = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).iterator().next().getId();
        extension.manageDeployment(engine.getRepositoryService().createDeployment()
                .addModelInstance(key + ".bpmn", model).deploy());
        return engine.getRuntimeService().startProcessInstanceByKey(key, variables);
    }

    private Task reviewTask() {
        return engine.getTaskService().createTaskQuery().taskDefinitionKey("review").singleResult();
    }

    private static Date at(String chinaLocalDateTime) {
        return Date.from(LocalDateTime.parse(chinaLocalDateTime).atZone(CHINA).toInstant());
    }
}
