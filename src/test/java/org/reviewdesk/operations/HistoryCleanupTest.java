package org.reviewdesk.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.BatchWindow;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Camunda's history cleanup as application.yml configures it: a nightly window (01:00-05:00 China
 * time by default) reaches the engine, and when the cleanup runs, the history of an instance whose
 * time-to-live has passed goes while a younger one's stays. The test's own one-step process keeps its
 * history one day; its first instance ends three days ago on the engine's clock (reset afterwards).
 */
@ApplicationTest
class HistoryCleanupTest {

    static final String KEY = "historyCleanupTest";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Autowired ProcessEngine engine;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired ManagementService management;

    String deployment;

    @BeforeEach
    void deployAProcessThatKeepsItsHistoryOneDay() {
        deployment = repository.createDeployment().addModelInstance(KEY + ".bpmn", Bpmn.createExecutableProcess(KEY)
                .name("history cleanup test").camundaHistoryTimeToLive(1)
                .startEvent().endEvent().done()).deploy().getId();
    }

    @AfterEach
    void undeploy() {
        ClockUtil.reset();
        repository.deleteDeployment(deployment, true);
    }

    @Test
    void theNightlyWindowFromConfigurationReachesTheEngine() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00+0800");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00+0800");
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
        assertThat(configuration.isHistoryCleanupEnabled()).isTrue();
        BatchWindow window = configuration.getBatchWindowManager().getCurrentOrNextBatchWindow(ClockUtil.getCurrentTime(), configuration);
        ZonedDateTime start = window.getStart().toInstant().atZone(CHINA);
        ZonedDateTime end = window.getEnd().toInstant().atZone(CHINA);
        assertThat(start.getHour()).isEqualTo(1);
        assertThat(start.getMinute()).isZero();
        assertThat(end.getHour()).isEqualTo(5);
        assertThat(Duration.between(start, end)).isEqualTo(Duration.ofHours(4));
        // the engine created its cleanup job at start-up; whichever node's job executor locks it runs it
        assertThat(history.findHistoryCleanupJobs()).isNotEmpty();
    }

    @Test
    void anInstancePastItsTimeToLiveLosesItsHistoryWhenTheCleanupRunsAndAYoungerOneKeepsIt() {
        Date now = ClockUtil.getCurrentTime();
        ClockUtil.setCurrentTime(Date.from(now.toInstant().minus(Duration.ofDays(3))));
        String expired = runtime.startProcessInstanceByKey(KEY, "expired-" + UUID.randomUUID()).getId();
        ClockUtil.reset();
        String young = runtime.startProcessInstanceByKey(KEY, "young-" + UUID.randomUUID()).getId();
        assertThat(instance(expired).getRemovalTime()).isBefore(new Date());
        assertThat(instance(young).getRemovalTime()).isAfter(new Date());

        Job cleanup = history.cleanUpHistoryAsync(true);
        management.executeJob(cleanup.getId());

        assertThat(instance(expired)).isNull();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(expired).count()).isZero();
        assertThat(instance(young)).isNotNull();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(young).count()).isEqualTo(2);
    }

    private HistoricProcessInstance instance(String id) {
        return history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
    }
}
