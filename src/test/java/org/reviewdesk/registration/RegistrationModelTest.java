package org.reviewdesk.registration;

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
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;

/**
 * {@code registration.bpmn} as a file: it opens in Camunda Modeler (every element drawn), keeps
 * its history for a while, and agrees with the Java that names its ids and calls its steps.
 */
class RegistrationModelTest {

    static final BpmnModelInstance MODEL = Bpmn.readModelFromFile(new File("processes/registration/registration.bpmn"));

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
    void theProcessHasAHistoryTimeToLiveAndTheKeyJavaUses() {
        Process process = MODEL.getModelElementById(RegistrationProcess.KEY);
        assertThat(process).isNotNull();
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
    }

    @Test
    void theActivityIdsOfTheProcessClassAreTheModelsFlowNodes() throws IllegalAccessException {
        Set<String> named = new TreeSet<>();
        for (Field field : RegistrationProcess.Activity.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                named.add((String) field.get(null));
            }
        }
        Set<String> modelled = ids(MODEL.getModelElementsByType(FlowNode.class)).stream()
                .filter(id -> !id.endsWith("Stopped")) // the four error boundary events are never named in Java
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(named).isEqualTo(modelled);
    }

    @Test
    void everyServiceTaskCallsAPublicStepOfRegistrationSteps() {
        Pattern call = Pattern.compile("\\$\\{registrationSteps\\.(\\w+)\\(execution\\)}");
        Set<String> steps = Arrays.stream(RegistrationSteps.class.getMethods())
                .filter(m -> Arrays.equals(m.getParameterTypes(), new Class<?>[]{DelegateExecution.class}))
                .map(Method::getName).collect(Collectors.toSet());
        assertThat(Modifier.isPublic(RegistrationSteps.class.getModifiers())).as("the expression language needs a public class").isTrue();
        for (ServiceTask task : MODEL.getModelElementsByType(ServiceTask.class)) {
            Matcher matcher = call.matcher(String.valueOf(task.getCamundaExpression()));
            assertThat(matcher.matches()).as(task.getId() + " calls a step: " + task.getCamundaExpression()).isTrue();
            assertThat(steps).as(task.getId()).contains(matcher.group(1));
        }
    }

    private static Set<String> ids(Collection<? extends org.camunda.bpm.model.bpmn.instance.BaseElement> elements) {
        return elements.stream().map(org.camunda.bpm.model.bpmn.instance.BaseElement::getId)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
