package org.reviewdesk.review;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The {@link CaseAdapter} beans by process key, and what they declare about who handles which
 * process. Looked up when asked, not injected as a list: the adapters use their capability's service,
 * which uses the engine, whose plugin uses this.
 */
@Component
class CaseAdapters {

    private final ObjectProvider<CaseAdapter> adapters;
    /** Resolved on first use (singletons, fixed once the context runs): every inbox question asks several times. */
    private volatile List<CaseAdapter> resolved;

    CaseAdapters(ObjectProvider<CaseAdapter> adapters) {
        this.adapters = adapters;
    }

    Optional<CaseAdapter> of(String processKey) {
        return all().stream().filter(a -> a.processKey().equals(processKey)).findFirst();
    }

    /** Every process the workbench knows, in bean order (the adapters' {@code @Order}: processes 1 to 4). */
    List<CaseAdapter> all() {
        List<CaseAdapter> all = resolved;
        if (all == null) {
            all = adapters.orderedStream().toList();
            resolved = all;
        }
        return all;
    }

    Optional<CaseSummary> summary(String processKey, String businessKey) {
        if (businessKey == null) {
            return Optional.empty();
        }
        return of(processKey).flatMap(a -> a.summary(businessKey));
    }

    /** The handlers of a process; a process no adapter serves has none (nobody works or supervises it). */
    Optional<Handlers> handlers(String processKey) {
        return of(processKey).map(CaseAdapter::handlers);
    }

    boolean works(CurrentUser user, String processKey) {
        return handlers(processKey).filter(h -> h.workedBy(user)).isPresent();
    }

    boolean supervises(CurrentUser user, String processKey) {
        return handlers(processKey).filter(h -> h.supervisedBy(user)).isPresent();
    }

    /** The processes the user works (supervised ones included). */
    List<String> worked(CurrentUser user) {
        return all().stream().filter(a -> a.handlers().workedBy(user)).map(CaseAdapter::processKey).toList();
    }

    /** The processes the user supervises. */
    List<String> supervised(CurrentUser user) {
        return all().stream().filter(a -> a.handlers().supervisedBy(user)).map(CaseAdapter::processKey).toList();
    }

    /** Every role that works one of these processes. */
    Set<Role> workersOf(List<String> processKeys) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        all().stream().filter(a -> processKeys.contains(a.processKey())).forEach(a -> roles.addAll(a.handlers().workers()));
        return roles;
    }

    /** Whether the upper-cased text is, whole, a case number of some process (an exact lookup, not a title search). */
    boolean isCaseRef(String upper) {
        return all().stream().anyMatch(a -> a.caseRefShape().matcher(upper).matches());
    }
}
