package org.reviewdesk.review;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.reviewdesk.platform.AuditLog;
import org.reviewdesk.platform.BusinessTime;
import org.springframework.stereotype.Component;

/**
 * The four-eyes rule, declared in the model: a user task with the extension property
 * {@code reviewdesk.fourEyesAfter=<earlier task's id>} may not be claimed, assigned to or completed
 * by whoever completed that earlier task in the same process instance. Enforced by a built-in task
 * listener ({@link FourEyesRule}), so it holds however the task is reached (the inbox, a process's
 * service, or {@code TaskService} directly). Registered with the engine by {@link InboxProjectionPlugin}.
 */
@Component
class FourEyesParseListener extends AbstractBpmnParseListener {

    /** The extension property naming the earlier step. */
    static final String PROPERTY = "reviewdesk.fourEyesAfter";

    private final AuditLog audit;
    private final BusinessTime time;

    FourEyesParseListener(AuditLog audit, BusinessTime time) {
        this.audit = audit;
        this.time = time;
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        String earlier = earlierStep(userTaskElement);
        if (earlier == null) {
            return;
        }
        TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        FourEyesRule rule = new FourEyesRule(earlier, audit, time);
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, rule);
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, rule);
    }

    /** The value of {@link #PROPERTY} in the task's {@code camunda:properties}, or null. */
    static String earlierStep(Element userTask) {
        Element extensions = userTask.element("extensionElements");
        Element properties = extensions == null ? null : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties == null) {
            return null;
        }
        for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
            String value = property.attribute("value");
            if (PROPERTY.equals(property.attribute("name")) && value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
