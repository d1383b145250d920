package org.reviewdesk.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.reviewdesk.platform.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The diagram of an open task's process for the review view: the deployed model the instance runs
 * and, from the engine's history, the activities it is in now and those it has finished. Only for a
 * task the user may see ({@link Inbox#find}); for any other id the answer is empty, as for a task
 * that does not exist.
 */
@Service
class ProcessDiagrams {

    /** Deployed definitions never change, so their XML is kept per definition id and language on each node. */
    private final Map<String, String> xmlByDefinition = new ConcurrentHashMap<>();

    private final StepNames stepNames;

    private final Inbox inbox;
    private final RepositoryService repository;
    private final HistoryService history;

    ProcessDiagrams(Inbox inbox, RepositoryService repository, HistoryService history, StepNames stepNames) {
        this.stepNames = stepNames;
        this.inbox = inbox;
        this.repository = repository;
        this.history = history;
    }

    @Transactional(readOnly = true)
    Optional<ProcessDiagramModel> of(String taskId, CurrentUser user) {
        return of(taskId, user, java.util.Locale.SIMPLIFIED_CHINESE);
    }

    /** The diagram with its steps named in the reader's language ({@link StepNames}). */
    @Transactional(readOnly = true)
    Optional<ProcessDiagramModel> of(String taskId, CurrentUser user, java.util.Locale locale) {
        Optional<ReviewTask> task = inbox.find(taskId, user);
        if (task.isEmpty()) {
            return Optional.empty();
        }
        String instanceId = task.get().processInstanceId();
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceId(instanceId).singleResult();
        if (instance == null) {
            return Optional.empty();
        }
        Set<String> current = new LinkedHashSet<>();
        Set<String> completed = new LinkedHashSet<>();
        for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery()
                .processInstanceId(instanceId).orderByHistoricActivityInstanceStartTime().asc().list()) {
            // a multi-instance body is recorded as "<id>#multiInstanceBody": the diagram has only <id>
            String id = activity.getActivityId().split("#", 2)[0];
            (activity.getEndTime() == null ? current : completed).add(id);
        }
        current.add(task.get().taskKey());
        completed.removeAll(current);
        String xml = xmlByDefinition.computeIfAbsent(instance.getProcessDefinitionId() + "|" + locale.toLanguageTag(),
                key -> stepNames.localise(read(instance.getProcessDefinitionId()), locale));
        return Optional.of(new ProcessDiagramModel(instance.getProcessDefinitionId(), xml,
                List.copyOf(current), List.copyOf(completed)));
    }

    private String read(String definitionId) {
        try (InputStream model = repository.getProcessModel(definitionId)) {
            return new String(model.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The model of " + definitionId + " cannot be read", e);
        }
    }
}
