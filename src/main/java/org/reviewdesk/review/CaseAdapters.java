package org.reviewdesk.review;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The {@link CaseAdapter} beans by process key. Looked up when asked, not injected as a list: the
 * adapters use their capability's service, which uses the engine, whose plugin uses this.
 */
@Component
class CaseAdapters {

    private final ObjectProvider<CaseAdapter> adapters;

    CaseAdapters(ObjectProvider<CaseAdapter> adapters) {
        this.adapters = adapters;
    }

    Optional<CaseAdapter> of(String processKey) {
        return adapters.orderedStream().filter(a -> a.processKey().equals(processKey)).findFirst();
    }

    /** Every process the workbench knows, in bean order. */
    java.util.List<CaseAdapter> all() {
        return adapters.orderedStream().toList();
    }

    Optional<CaseSummary> summary(String processKey, String businessKey) {
        if (businessKey == null) {
            return Optional.empty();
        }
        return of(processKey).flatMap(a -> a.summary(businessKey));
    }
}
