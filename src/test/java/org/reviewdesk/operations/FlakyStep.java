package org.reviewdesk.operations;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** A service task that fails, as a downstream system would, until its case is marked healed. */
public class FlakyStep implements JavaDelegate {

    /** As a downstream system answers: in its own words, which the operations page shows as they are. */
    static final String FAILURE = "registry.example.gov.cn answered HTTP 503 Service Unavailable";
    static final Set<String> HEALED = ConcurrentHashMap.newKeySet();

    @Override
    public void execute(DelegateExecution execution) {
        if (!HEALED.contains(execution.getProcessBusinessKey())) {
            throw new IllegalStateException(FAILURE);
        }
    }
}
