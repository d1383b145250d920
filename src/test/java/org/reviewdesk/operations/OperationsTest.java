package org.reviewdesk.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.platform.OperatorWarning;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Incidents and failed jobs of a real engine: a job that fails on every attempt is listed with its
 * case, step and error; an administrator retries it once the cause is fixed and the process goes on;
 * everything else is refused with a reason, and every act is audited.
 */
@ApplicationTest
@WithMockUser(username = "ops-admin", roles = "ADMIN")
class OperationsTest {

    @Autowired Operations operations;
    @Autowired IncidentWarnings warnings;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired JdbcClient jdbc;

    OperationsFixtures fixtures;

    @BeforeEach
    void process() {
        fixtures = new OperationsFixtures(repository, runtime, management);
    }

    @Test
    void aJobFailingOnEveryAttemptIsListedAsAnIncidentWithItsCaseStepAndError() {
        String businessKey = fixtures.failed();
        Job job = fixtures.job(businessKey);

        OpenIncident incident = incidentOf(businessKey);
        assertThat(incident.type()).isEqualTo("failedJob");
        assertThat(incident.processKey()).isEqualTo(OperationsFixtures.PROCESS_KEY);
        assertThat(incident.processName()).isEqualTo(OperationsFixtures.PROCESS_NAME);
        assertThat(incident.activityId()).isEqualTo(OperationsFixtures.STEP);
        assertThat(incident.activityName()).isEqualTo(OperationsFixtures.STEP_NAME);
        assertThat(incident.message()).contains(FlakyStep.FAILURE);
        assertThat(incident.occurredAt()).isNotNull();
        assertThat(incident.jobId()).isEqualTo(job.getId());
        assertThat(incident.retries()).isZero();
        assertThat(incident.retryable()).isTrue();
        assertThat(incident.custom()).isFalse();

        FailedJob failed = operations.failedJobs(OperationsFixtures.PROCESS_KEY, 0, 200).stream()
                .filter(j -> businessKey.equals(j.businessKey())).findFirst().orElseThrow();
        assertThat(failed.id()).isEqualTo(job.getId());
        assertThat(failed.activityName()).isEqualTo(OperationsFixtures.STEP_NAME);
        assertThat(failed.exceptionMessage()).contains(FlakyStep.FAILURE);
        assertThat(operations.stackTrace(job.getId())).contains(FlakyStep.class.getName()).contains(FlakyStep.FAILURE);
        assertThat(operations.incidentCount(OperationsFixtures.PROCESS_KEY)).isPositive();
        assertThat(operations.failedJobCount(OperationsFixtures.PROCESS_KEY)).isPositive();
    }

    @Test
    void aRetryAfterTheCauseIsFixedRunsTheStepResolvesTheIncidentAndIsAudited() {
        String businessKey = fixtures.failed();
        String jobId = fixtures.job(businessKey).getId();
        FlakyStep.HEALED.add(businessKey);

        operations.retry(jobId, 2);

        assertThat(fixtures.job(businessKey).getRetries()).isEqualTo(2);
        assertThat(incidents()).noneMatch(i -> businessKey.equals(i.businessKey()));
        assertThat(operations.failedJobs(OperationsFixtures.PROCESS_KEY, 0, 200)).noneMatch(j -> businessKey.equals(j.businessKey()));
        assertThat(audited(businessKey, Operations.AUDIT_RETRY)).containsExactly("ops-admin: job " + jobId + " ("
                + OperationsFixtures.PROCESS_KEY + "/" + OperationsFixtures.STEP + ") retries=2");

        management.executeJob(jobId); // what the job executor does next
        assertThat(fixtures.ended(businessKey)).isTrue();
    }

    @Test
    void aRetryWithoutFixingTheCauseFailsAgainIntoANewIncident() {
        String businessKey = fixtures.failed();
        String jobId = fixtures.job(businessKey).getId();

        operations.retry(jobId, 1);
        assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining(FlakyStep.FAILURE);

        assertThat(fixtures.job(businessKey).getRetries()).isZero();
        assertThat(incidentOf(businessKey).jobId()).isEqualTo(jobId);
    }

    @Test
    void retriesOutsideOneToTenAreRefusedAndChangeNothing() {
        String businessKey = fixtures.failed();
        String jobId = fixtures.job(businessKey).getId();

        for (int retries : new int[]{0, -1, Operations.MAX_RETRIES + 1}) {
            assertThatThrownBy(() -> operations.retry(jobId, retries)).isInstanceOf(UserFacingException.class)
                    .extracting(e -> ((UserFacingException) e).messageKey()).isEqualTo("operations.retries.range");
        }
        assertThat(fixtures.job(businessKey).getRetries()).isZero();
        assertThat(audited(businessKey, Operations.AUDIT_RETRY)).isEmpty();
    }

    @Test
    void aJobThatHasNotFailedOrNoLongerExistsIsNotRetried() {
        String waiting = fixtures.start();
        assertThatThrownBy(() -> operations.retry(fixtures.job(waiting).getId(), 1))
                .isInstanceOf(UserFacingException.class)
                .extracting(e -> ((UserFacingException) e).messageKey()).isEqualTo("operations.job.notFailed");
        assertThat(fixtures.job(waiting).getRetries()).isEqualTo(OperationsFixtures.ATTEMPTS);

        assertThatThrownBy(() -> operations.retry("no-such-job", 1)).isInstanceOf(UserFacingException.class)
                .extracting(e -> ((UserFacingException) e).messageKey()).isEqualTo("operations.job.gone");
        assertThatThrownBy(() -> operations.stackTrace("no-such-job")).isInstanceOf(UserFacingException.class);
        assertThat(audited(waiting, Operations.AUDIT_RETRY)).isEmpty();
    }

    @Test
    void retryingASelectionSkipsJobsThatAreNoLongerFailed() {
        String first = fixtures.failed();
        String second = fixtures.failed();
        String healthy = fixtures.start();

        RetryOutcome outcome = operations.retry(List.of(fixtures.job(first).getId(), fixtures.job(second).getId(),
                fixtures.job(healthy).getId(), "no-such-job"), 1);

        assertThat(outcome).isEqualTo(new RetryOutcome(2, 2, 0));
        assertThat(fixtures.job(first).getRetries()).isOne();
        assertThat(fixtures.job(second).getRetries()).isOne();
        assertThat(fixtures.job(healthy).getRetries()).as("untouched").isEqualTo(OperationsFixtures.ATTEMPTS);
        assertThat(audited(first, Operations.AUDIT_RETRY)).hasSize(1);
        assertThat(audited(healthy, Operations.AUDIT_RETRY)).isEmpty();
        assertThatThrownBy(() -> operations.retry(List.of(), 1)).isInstanceOf(UserFacingException.class)
                .extracting(e -> ((UserFacingException) e).messageKey()).isEqualTo("operations.retry.nothingSelected");
    }

    @Test
    void retryingAllOfAProcessGivesEveryFailedJobOfItRetries() {
        String first = fixtures.failed();
        String second = fixtures.failed();

        RetryOutcome outcome = operations.retryAll(OperationsFixtures.PROCESS_KEY, 3);

        assertThat(outcome.retried()).isGreaterThanOrEqualTo(2);
        assertThat(outcome.remaining()).isZero();
        assertThat(operations.failedJobCount(OperationsFixtures.PROCESS_KEY)).isZero();
        assertThat(fixtures.job(first).getRetries()).isEqualTo(3);
        assertThat(fixtures.job(second).getRetries()).isEqualTo(3);
        assertThatThrownBy(() -> operations.retryAll(" ", 1)).isInstanceOf(UserFacingException.class)
                .extracting(e -> ((UserFacingException) e).messageKey()).isEqualTo("operations.retry.noProcess");
    }

    @Test
    void aCustomIncidentIsResolvedByHandButAFailedJobsIncidentIsNot() {
        String businessKey = fixtures.start();
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult().getId();
        String custom = runtime.createIncident("reviewdesk.manualCheck", instance, "registry-record", "登记系统记录不一致").getId();

        OpenIncident listed = incidentOf(businessKey);
        assertThat(listed.custom()).isTrue();
        assertThat(listed.retryable()).isFalse();
        operations.resolve(custom);
        assertThat(incidents()).noneMatch(i -> custom.equals(i.id()));
        assertThat(audited(businessKey, Operations.AUDIT_RESOLVE)).hasSize(1);

        String failed = fixtures.failed();
        String failedIncident = incidentOf(failed).id();
        assertThatThrownBy(() -> operations.resolve(failedIncident)).isInstanceOf(UserFacingException.class)
                .extracting(e -> ((UserFacingException) e).messageKey()).isEqualTo("operations.incident.retryInstead");
        assertThatThrownBy(() -> operations.resolve(custom)).isInstanceOf(UserFacingException.class)
                .extracting(e -> ((UserFacingException) e).messageKey()).isEqualTo("operations.incident.gone");
    }

    @Test
    void theAdminLandingPageIsWarnedWhileIncidentsAreOpen() {
        fixtures.failed();
        long open = runtime.createIncidentQuery().count();

        assertThat(warnings.currentWarnings()).containsExactly(OperatorWarning.of("operations.warning.incidents", open));
    }

    @Test
    @WithMockUser(username = "reviewer", roles = {"REVIEWER", "SUPERVISOR"})
    void staffWhoAreNoAdministratorsAreRefused() {
        String businessKey = fixtures.failed();
        String jobId = fixtures.job(businessKey).getId();

        assertThatThrownBy(() -> operations.incidents(null, 0, 50)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> operations.failedJobs(null, 0, 50)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> operations.stackTrace(jobId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> operations.retry(jobId, 1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> operations.retryAll(OperationsFixtures.PROCESS_KEY, 1)).isInstanceOf(AccessDeniedException.class);
        assertThat(fixtures.job(businessKey).getRetries()).isZero();
    }

    private List<OpenIncident> incidents() {
        return operations.incidents(OperationsFixtures.PROCESS_KEY, 0, 200);
    }

    private OpenIncident incidentOf(String businessKey) {
        return incidents().stream().filter(i -> businessKey.equals(i.businessKey())).findFirst().orElseThrow();
    }

    private List<String> audited(String businessKey, String action) {
        return jdbc.sql("select actor || ': ' || detail from audit_record where case_ref = :key and action = :action")
                .param("key", businessKey).param("action", action).query(String.class).list();
    }
}
