package org.reviewdesk.review;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import java.util.regex.Pattern;
import org.reviewdesk.platform.CurrentUser;

/**
 * What the workbench needs to know about one process, implemented by the process's capability (a
 * Spring bean): the inbox and the review view know no process by name beyond this.
 */
public interface CaseAdapter {

    /** The BPMN process key this adapter serves. */
    String processKey();

    /** The process's name for filters and headers (a message key). */
    String processNameKey();

    /** Who works and who supervises this process's tasks; every workbench service checks it. */
    Handlers handlers();

    /**
     * The shape of this process's case numbers (e.g. {@code RD} and 14 digits), so that a search for an
     * exact number is an index lookup, not a scan of the titles. Matched against the whole search text,
     * upper-cased.
     */
    Pattern caseRefShape();

    /**
     * Whether this process reviews applications (approve, reject, request documents): its decisions are
     * counted by {@link DecisionOutcome} and its groups are the dashboard's review workload. Its decision
     * tasks complete with the variable {@value DecisionOutcome#VARIABLE}.
     */
    default boolean reviewsApplications() {
        return false;
    }

    /**
     * Whether a decision of this process can reject, giving reasons from the rejection-reasons editor
     * ({@link DecisionReasons}): the editor offers only these processes. By default the processes that
     * review applications.
     */
    default boolean rejectsWithReasons() {
        return reviewsApplications();
    }

    /** The case behind a process instance's business key, for the inbox projection; empty if unknown. */
    Optional<CaseSummary> summary(String businessKey);

    /**
     * The body of the review view for one of this process's open tasks: the case's data, its
     * automated checks, documents and the decision form. The component calls its own capability's
     * service, which checks role and assignment again. {@code onDecided} is run after a decision
     * (the view then returns to the inbox).
     */
    Component workbench(ReviewTask task, CurrentUser user, Runnable onDecided);

    /**
     * The read-only body of the case page ({@code /cases/<number>}) for one of this process's cases in
     * any state: its data, checks, documents with their versions and timeline, without decision
     * controls: the {@link #workbench} given {@link ReviewTask#readOnly}, which must then leave them
     * out. Its service checks the role again.
     */
    default Component caseView(String caseRef, CurrentUser user) {
        return workbench(ReviewTask.readOnly(processKey(), caseRef), user, () -> { });
    }
}
