package org.reviewdesk.registration;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.reviewdesk.rules.LegalPersonType;
import org.springframework.stereotype.Service;

/**
 * The document slots a registration needs, decided by the DMN table
 * {@code processes/registration/required-documents.dmn}, which operators may edit without code.
 */
@Service
public class RequiredDocuments {

    /** The decision's key in the DMN model. */
    static final String DECISION_KEY = "requiredDocuments";

    private final DecisionService decisions;

    RequiredDocuments(DecisionService decisions) {
        this.decisions = decisions;
    }

    public List<String> slotsFor(LegalPersonType type, boolean agentApplies) {
        Map<String, Object> inputs = Variables.createVariables()
                .putValue("legalPersonType", type.name())
                .putValue("agentApplies", agentApplies);
        return decisions.evaluateDecisionTableByKey(DECISION_KEY, inputs).collectEntries("slot");
    }
}
