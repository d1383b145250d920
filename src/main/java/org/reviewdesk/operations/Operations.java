package org.reviewdesk.operations;

import jakarta.annotation.security.RolesAllowed;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.IncidentQuery;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.reviewdesk.platform.AuditLog;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator's view of what the engine gave up on: open incidents and jobs without retries
 * left, and the ways out: give a failed job retries again (the engine then resolves its incident and
 * the job executor runs it), or resolve an incident a process raised itself. Administrators only;
 * every act is audited against the case's business key, in the transaction of the act.
 *
 * <p>Bulk retries are bounded to {@value #MAX_BULK} jobs a round, so one click after a long outage
 * neither holds one transaction over thousands of jobs nor starts them all at once; the outcome says
 * how many still wait.
 */
@Service
public class Operations {

    static final Set<String> ENGINE_INCIDENT_TYPES = Set.of(Incident.FAILED_JOB_HANDLER_TYPE, Incident.EXTERNAL_TASK_HANDLER_TYPE);
    public static final int MIN_RETRIES = 1;
    public static final int MAX_RETRIES = 10;
    static final int MAX_BULK = 500;
    static final int MAX_PAGE = 200;
    static final String AUDIT_RETRY = "operations.retry";
    static final String AUDIT_RESOLVE = "operations.resolve";

    private final RuntimeService runtime;
    private final ManagementService management;
    private final RepositoryService repository;
    private final AuditLog audit;

    Operations(RuntimeService runtime, ManagementService management, RepositoryService repository, AuditLog audit) {
        this.runtime = runtime;
        this.management = management;
        this.repository = repository;
        this.audit = audit;
    }

    // ---- reading ----------------------------------------------------------------------------------

    /** Open incidents, newest first; {@code processKey} null or blank for all processes. */
    @RolesAllowed(Role.ADMIN_NAME)
    public List<OpenIncident> incidents(String processKey, int offset, int limit) {
        admin();
        List<Incident> incidents = incidentQuery(processKey).orderByIncidentTimestamp().desc().orderByIncidentId().asc()
                .listPage(Math.max(0, offset), Math.max(1, Math.min(limit, MAX_PAGE)));
        Labels labels = labels(incidents.stream().map(Incident::getProcessInstanceId).toList(),
                incidents.stream().map(Incident::getProcessDefinitionId).toList());
        Set<String> jobIds = incidents.stream().map(Operations::jobIdOf).filter(id -> id != null)
                .collect(Collectors.toSet());
        Map<String, Job> jobs = jobIds.isEmpty() ? Map.of() : management.createJobQuery().jobIds(jobIds).list().stream()
                .collect(Collectors.toMap(Job::getId, Function.identity()));
        return incidents.stream().map(i -> {
            String activityId = i.getFailedActivityId() != null ? i.getFailedActivityId() : i.getActivityId();
            Job job = jobs.get(jobIdOf(i));
            return new OpenIncident(i.getId(), i.getIncidentType(), labels.key(i.getProcessDefinitionId()),
                    labels.name(i.getProcessDefinitionId()), i.getProcessInstanceId(), labels.businessKey(i.getProcessInstanceId()),
                    activityId, labels.activityName(i.getProcessDefinitionId(), activityId), i.getIncidentMessage(),
                    time(i.getIncidentTimestamp()), job == null ? null : job.getId(), job == null ? null : job.getRetries());
        }).toList();
    }

    @RolesAllowed(Role.ADMIN_NAME)
    public long incidentCount(String processKey) {
        admin();
        return incidentQuery(processKey).count();
    }

    /** Jobs with no retries left, by due date; {@code processKey} null or blank for all processes. */
    @RolesAllowed(Role.ADMIN_NAME)
    public List<FailedJob> failedJobs(String processKey, int offset, int limit) {
        admin();
        List<Job> jobs = failedJobQuery(processKey).orderByJobDuedate().asc().orderByJobId().asc()
                .listPage(Math.max(0, offset), Math.max(1, Math.min(limit, MAX_PAGE)));
        Labels labels = labels(jobs.stream().map(Job::getProcessInstanceId).toList(),
                jobs.stream().map(Job::getProcessDefinitionId).toList());
        return jobs.stream().map(j -> new FailedJob(j.getId(), j.getProcessDefinitionKey(), labels.name(j.getProcessDefinitionId()),
                j.getProcessInstanceId(), labels.businessKey(j.getProcessInstanceId()), j.getFailedActivityId(),
                labels.activityName(j.getProcessDefinitionId(), j.getFailedActivityId()), j.getExceptionMessage(),
                time(j.getCreateTime()))).toList();
    }

    @RolesAllowed(Role.ADMIN_NAME)
    public long failedJobCount(String processKey) {
        admin();
        return failedJobQuery(processKey).count();
    }

    /** The stack trace of a job's last failure, read only when asked for (it can be long). */
    @RolesAllowed(Role.ADMIN_NAME)
    public String stackTrace(String jobId) {
        admin();
        if (jobId == null || management.createJobQuery().jobId(jobId).count() == 0) {
            throw new UserFacingException("operations.job.gone");
        }
        String trace = management.getJobExceptionStacktrace(jobId);
        return trace == null ? "" : trace;
    }

    /** The deployed processes (latest versions), for the filter. */
    @RolesAllowed(Role.ADMIN_NAME)
    public List<DeployedProcess> processes() {
        admin();
        return repository.createProcessDefinitionQuery().latestVersion().orderByProcessDefinitionKey().asc().list().stream()
                .map(d -> new DeployedProcess(d.getKey(), d.getName() == null ? d.getKey() : d.getName()))
                .distinct().toList();
    }

    // ---- acts -------------------------------------------------------------------------------------

    /** Gives one failed job {@code retries} attempts again; its incident is resolved by the engine. */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public void retry(String jobId, int retries) {
        CurrentUser admin = admin();
        checkRetries(retries);
        Job job = jobId == null ? null : management.createJobQuery().jobId(jobId).singleResult();
        if (job == null) {
            throw new UserFacingException("operations.job.gone");
        }
        if (job.getRetries() > 0) {
            throw new UserFacingException("operations.job.notFailed", job.getRetries());
        }
        setRetries(List.of(job), retries, admin);
    }

    /** Retries the chosen jobs; those that meanwhile left the failed state are skipped and counted. */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public RetryOutcome retry(Collection<String> jobIds, int retries) {
        CurrentUser admin = admin();
        checkRetries(retries);
        Set<String> ids = jobIds == null ? Set.of() : jobIds.stream().filter(id -> id != null && !id.isBlank())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (ids.isEmpty()) {
            throw new UserFacingException("operations.retry.nothingSelected");
        }
        if (ids.size() > MAX_BULK) {
            throw new UserFacingException("operations.retry.tooMany", MAX_BULK);
        }
        List<Job> failed = management.createJobQuery().jobIds(ids).noRetriesLeft().list();
        setRetries(failed, retries, admin);
        return new RetryOutcome(failed.size(), ids.size() - failed.size(), 0);
    }

    /** Retries the failed jobs of one process, {@value #MAX_BULK} at most per call. */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public RetryOutcome retryAll(String processKey, int retries) {
        CurrentUser admin = admin();
        checkRetries(retries);
        if (processKey == null || processKey.isBlank()) {
            throw new UserFacingException("operations.retry.noProcess");
        }
        long total = failedJobQuery(processKey).count();
        List<Job> failed = failedJobQuery(processKey).orderByJobDuedate().asc().orderByJobId().asc().listPage(0, MAX_BULK);
        setRetries(failed, retries, admin);
        return new RetryOutcome(failed.size(), 0, Math.max(0, total - failed.size()));
    }

    /**
     * Resolves an incident that a process or an operator raised. A failed job's incident is not
     * resolved by hand: the job would stay without retries and the process stuck, so the answer is
     * to retry the job.
     */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public void resolve(String incidentId) {
        CurrentUser admin = admin();
        Incident incident = incidentId == null ? null : runtime.createIncidentQuery().incidentId(incidentId).singleResult();
        if (incident == null) {
            throw new UserFacingException("operations.incident.gone");
        }
        if (ENGINE_INCIDENT_TYPES.contains(incident.getIncidentType())) {
            throw new UserFacingException("operations.incident.retryInstead");
        }
        try {
            runtime.resolveIncident(incidentId);
        } catch (OptimisticLockingException e) {
            throw new UserFacingException(e, "operations.concurrent");
        }
        audit.record(admin.username(), AUDIT_RESOLVE, businessKey(incident.getProcessInstanceId()),
                "incident " + incident.getId() + " (" + incident.getIncidentType() + ", " + incident.getActivityId() + ")");
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private void setRetries(List<Job> jobs, int retries, CurrentUser admin) {
        if (jobs.isEmpty()) {
            return;
        }
        try {
            management.setJobRetries(jobs.stream().map(Job::getId).toList(), retries);
        } catch (OptimisticLockingException e) {
            throw new UserFacingException(e, "operations.concurrent");
        }
        Map<String, String> businessKeys = businessKeys(jobs.stream().map(Job::getProcessInstanceId).toList());
        for (Job job : jobs) {
            audit.record(admin.username(), AUDIT_RETRY, businessKeys.get(job.getProcessInstanceId()),
                    "job " + job.getId() + " (" + job.getProcessDefinitionKey() + "/" + job.getFailedActivityId()
                            + ") retries=" + retries);
        }
    }

    private static void checkRetries(int retries) {
        if (retries < MIN_RETRIES || retries > MAX_RETRIES) {
            throw new UserFacingException("operations.retries.range", MIN_RETRIES, MAX_RETRIES);
        }
    }

    private static CurrentUser admin() {
        CurrentUser user = CurrentUser.require();
        user.requireRole(Role.ADMIN);
        return user;
    }

    private IncidentQuery incidentQuery(String processKey) {
        IncidentQuery query = runtime.createIncidentQuery();
        return processKey == null || processKey.isBlank() ? query : query.processDefinitionKeyIn(processKey);
    }

    private JobQuery failedJobQuery(String processKey) {
        JobQuery query = management.createJobQuery().noRetriesLeft();
        return processKey == null || processKey.isBlank() ? query : query.processDefinitionKey(processKey);
    }

    /** A failed job's incident names its job in the configuration; other incidents have no job to retry. */
    private static String jobIdOf(Incident incident) {
        return Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType()) ? incident.getConfiguration() : null;
    }

    private String businessKey(String processInstanceId) {
        return processInstanceId == null ? null : businessKeys(List.of(processInstanceId)).get(processInstanceId);
    }

    private Map<String, String> businessKeys(Collection<String> processInstanceIds) {
        Set<String> ids = processInstanceIds.stream().filter(id -> id != null).collect(Collectors.toSet());
        Map<String, String> keys = new HashMap<>();
        if (!ids.isEmpty()) {
            for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceIds(ids).list()) {
                if (instance.getBusinessKey() != null) {
                    keys.put(instance.getId(), instance.getBusinessKey());
                }
            }
        }
        return keys;
    }

    /** Business keys and process names for one page, in two queries rather than two per row. */
    private Labels labels(Collection<String> processInstanceIds, Collection<String> definitionIds) {
        String[] ids = definitionIds.stream().filter(id -> id != null).distinct().toArray(String[]::new);
        Map<String, ProcessDefinition> definitions = ids.length == 0 ? Map.of()
                : repository.createProcessDefinitionQuery().processDefinitionIdIn(ids).list().stream()
                        .collect(Collectors.toMap(ProcessDefinition::getId, Function.identity()));
        return new Labels(businessKeys(processInstanceIds), definitions);
    }

    private final class Labels {
        private final Map<String, String> businessKeys;
        private final Map<String, ProcessDefinition> definitions;

        Labels(Map<String, String> businessKeys, Map<String, ProcessDefinition> definitions) {
            this.businessKeys = businessKeys;
            this.definitions = definitions;
        }

        String businessKey(String processInstanceId) {
            return businessKeys.get(processInstanceId);
        }

        String key(String definitionId) {
            ProcessDefinition definition = definitions.get(definitionId);
            return definition == null ? null : definition.getKey();
        }

        String name(String definitionId) {
            ProcessDefinition definition = definitions.get(definitionId);
            return definition == null ? definitionId : definition.getName() == null ? definition.getKey() : definition.getName();
        }

        /** The step's name from the model (the engine caches it), else its id. */
        String activityName(String definitionId, String activityId) {
            if (definitionId == null || activityId == null || !definitions.containsKey(definitionId)) {
                return activityId;
            }
            ModelElementInstance element = repository.getBpmnModelInstance(definitionId).getModelElementById(activityId);
            return element instanceof FlowElement flow && flow.getName() != null && !flow.getName().isBlank()
                    ? flow.getName() : activityId;
        }
    }

    private static OffsetDateTime time(Date date) {
        return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC);
    }

    /** A process the filter offers: its key and the model's name. */
    public record DeployedProcess(String key, String name) {
    }
}
