package org.reviewdesk.representative;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The document slots of a legal-representative change, decided by the DMN table
 * {@code processes/representative/representative-documents.dmn} (operators edit it without code).
 */
@Component
class RepresentativeDocuments {

    private final DecisionService decisions;

    RepresentativeDocuments(DecisionService decisions) {
        this.decisions = decisions;
    }

    List<String> slotsFor(ChangeReason reason, boolean agentApplies) {
        Map<String, Object> inputs = Variables.createVariables()
                .putValue("reason", reason.name())
                .putValue("agentApplies", agentApplies);
        return List.copyOf(decisions.evaluateDecisionTableByKey(RepresentativeProcess.DOCUMENTS_DECISION, inputs)
                .collectEntries("slot"));
    }
}
