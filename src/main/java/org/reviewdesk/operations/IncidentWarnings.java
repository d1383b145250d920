package org.reviewdesk.operations;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.reviewdesk.platform.OperatorWarning;
import org.reviewdesk.platform.OperatorWarningSource;
import org.springframework.stereotype.Component;

/**
 * Tells the administrator's landing page that the engine gave up on something: a stuck application
 * waits for nobody else to notice. Only the count leaves this class; the details are on the
 * operations page.
 */
@Component
class IncidentWarnings implements OperatorWarningSource {

    private final RuntimeService runtime;

    IncidentWarnings(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public List<OperatorWarning> currentWarnings() {
        long open = runtime.createIncidentQuery().count();
        return open == 0 ? List.of() : List.of(OperatorWarning.of("operations.warning.incidents", open));
    }
}
