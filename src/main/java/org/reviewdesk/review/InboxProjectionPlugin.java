package org.reviewdesk.review;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Adds the inbox projection's listener to every user task of every deployed process, then the
 * automatic assignment's ({@link AutoAssignment}) to its creation, and the
 * four-eyes rule's to the tasks that declare it ({@link FourEyesParseListener}). Built-in
 * listeners, not custom ones: they run even when an instance is deleted or modified with
 * {@code skipCustomListeners}, so no row outlives its task and no rule is skipped.
 */
@Component
class InboxProjectionPlugin extends AbstractProcessEnginePlugin {

    private static final List<String> EVENTS = List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT,
            TaskListener.EVENTNAME_UPDATE, TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE);

    private final ReviewTaskProjection projection;
    private final FourEyesParseListener fourEyes;
    private final AutoAssignment autoAssignment;

    InboxProjectionPlugin(ReviewTaskProjection projection, FourEyesParseListener fourEyes, AutoAssignment autoAssignment) {
        this.projection = projection;
        this.fourEyes = fourEyes;
        this.autoAssignment = autoAssignment;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                String processKey = ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey();
                TaskListener listener = projection.listener(processKey);
                EVENTS.forEach(event -> definition.addBuiltInTaskListener(event, listener));
                // after the projection's: the new task's row exists when it is assigned
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE,
                        autoAssignment.listener(processKey, FourEyesParseListener.earlierStep(userTaskElement)));
            }
        });
        listeners.add(fourEyes);
        configuration.setCustomPostBPMNParseListeners(listeners);
    }
}
