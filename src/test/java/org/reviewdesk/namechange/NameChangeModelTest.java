package org.reviewdesk.namechange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;

/**
 * {@code name-change.bpmn} as a file: every element drawn (it opens in Camunda Modeler), the Java
 * class names exactly its flow nodes, every service task calls a public step, and the review carries
 * its due date with a non-interrupting overdue timer on the same variable.
 */
class NameChangeModelTest {

    static final BpmnModelInstance MODEL = Bpmn.readModelFromFile(new File("processes/namechange/name-change.bpmn"));

    @Test
    void everyElementHasDiagramInformation() {
        Set<String> drawn = MODEL.getModelElementsByType(BpmnShape.class).stream()
                .map(shape -> shape.getBpmnElement().getId()).collect(Collectors.toSet());
        Set<String> edges = MODEL.getModelElementsByType(BpmnEdge.class).stream()
                .map(edge -> edge.getBpmnElement().getId()).collect(Collectors.toSet());
        assertThat(ids(MODEL.getModelElementsByType(FlowNode.class))).isSubsetOf(drawn);
        assertThat(ids(MODEL.getModelElementsByType(SequenceFlow.class))).isSubsetOf(edges);
    }

    @Test
    void theActivityIdsOfTheProcessClassAreTheModelsFlowNodes() throws IllegalAccessException {
        Set<String> named = new TreeSet<>();
        for (Field field : NameChangeProcess.Activity.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                named.add((String) field.get(null));
            }
        }
        assertThat(named).isEqualTo(new TreeSet<>(ids(MODEL.getModelElementsByType(FlowNode.class))));
    }

    @Test
    void everyServiceTaskCallsAPublicStep() {
        Pattern call = Pattern.compile("\\$\\{nameChangeSteps\\.(\\w+)\\(execution\\)}");
        Set<String> steps = Arrays.stream(NameChangeSteps.class.getMethods())
                .filter(m -> Arrays.equals(m.getParameterTypes(), new Class<?>[] {DelegateExecution.class}))
                .map(Method::getName).collect(Collectors.toSet());
        for (ServiceTask task : MODEL.getModelElementsByType(ServiceTask.class)) {
            Matcher matcher = call.matcher(String.valueOf(task.getCamundaExpression()));
            assertThat(matcher.matches()).as(task.getId()).isTrue();
            assertThat(steps).as(task.getId()).contains(matcher.group(1));
        }
    }

    @Test
    void theReviewIsDueOnItsVariableAndOverdueDoesNotInterruptIt() {
        UserTask review = MODEL.getModelElementById(NameChangeProcess.Activity.REVIEW);
        String due = "${" + NameChangeProcess.Var.REVIEW_DUE + "}";
        assertThat(review.getCamundaDueDate()).isEqualTo(due);
        BoundaryEvent overdue = MODEL.getModelElementById(NameChangeProcess.Activity.REVIEW_OVERDUE);
        assertThat(overdue.getAttachedTo()).isEqualTo(review);
        assertThat(overdue.cancelActivity()).isFalse();
        TimerEventDefinition timer = (TimerEventDefinition) overdue.getEventDefinitions().iterator().next();
        assertThat(timer.getTimeDate().getTextContent()).isEqualTo(due);
    }

    private static Set<String> ids(java.util.Collection<? extends BaseElement> elements) {
        return elements.stream().map(BaseElement::getId).collect(Collectors.toSet());
    }
}
