package org.reviewdesk.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;

/**
 * {@code work-order.bpmn} as a file: it opens in Camunda Modeler (every element drawn), keeps its
 * history for a while, and agrees with {@link WorkOrderProcess} and {@link WorkOrderSteps}.
 */
class WorkOrderModelTest {

    static final BpmnModelInstance MODEL = Bpmn.readModelFromFile(new File("processes/hotline/work-order.bpmn"));

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
    void theProcessHasAHistoryTimeToLiveTheKeyAndTheMessageJavaUses() {
        Process process = MODEL.getModelElementById(WorkOrderProcess.KEY);
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
        assertThat(MODEL.getModelElementsByType(Message.class)).extracting(Message::getName)
                .containsExactlyInAnyOrder(WorkOrderProcess.MERGED_MESSAGE, WorkOrderProcess.EXTENSION_REQUESTED_MESSAGE);
    }

    @Test
    void theActivityIdsOfTheProcessClassAreTheModelsFlowNodesAndItsSubprocess() throws IllegalAccessException {
        Set<String> named = new TreeSet<>();
        for (Field field : WorkOrderProcess.Activity.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                named.add((String) field.get(null));
            }
        }
        assertThat(named).isEqualTo(new TreeSet<>(ids(MODEL.getModelElementsByType(FlowNode.class))));
    }

    @Test
    void everyServiceTaskCallsAPublicStepOfWorkOrderSteps() {
        Pattern call = Pattern.compile("\\$\\{workOrderSteps\\.(\\w+)\\(execution\\)}");
        Set<String> steps = Arrays.stream(WorkOrderSteps.class.getMethods())
                .filter(m -> Arrays.equals(m.getParameterTypes(), new Class<?>[] {DelegateExecution.class}))
                .map(Method::getName).collect(Collectors.toSet());
        for (ServiceTask task : MODEL.getModelElementsByType(ServiceTask.class)) {
            Matcher matcher = call.matcher(String.valueOf(task.getCamundaExpression()));
            assertThat(matcher.matches()).as(task.getId()).isTrue();
            assertThat(steps).as(task.getId()).contains(matcher.group(1));
        }
    }

    @Test
    void theConditionsAndExpressionsNameOnlyTheVariablesOfTheProcessClass() throws IllegalAccessException {
        Set<String> variables = new TreeSet<>();
        for (Field field : WorkOrderProcess.Var.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                variables.add((String) field.get(null));
            }
        }
        String xml = Bpmn.convertToString(MODEL);
        Matcher expression = Pattern.compile("\\$\\{([^}]*)}").matcher(xml);
        Set<String> used = new TreeSet<>();
        while (expression.find()) {
            Matcher word = Pattern.compile("(?<![.'\\w])([a-zA-Z]\\w*)(?![\\w'(])").matcher(expression.group(1).replace("&amp;", "&"));
            while (word.find()) {
                used.add(word.group(1));
            }
        }
        used.removeAll(Set.of("execution", "workOrderSteps"));
        assertThat(variables).containsAll(used);
    }

    private static Set<String> ids(Collection<? extends BaseElement> elements) {
        return elements.stream().map(BaseElement::getId).collect(Collectors.toSet());
    }
}
