package org.reviewdesk.registration;

import java.util.Optional;
import org.reviewdesk.documents.intake.DocumentService;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.review.CaseAdapter;
import org.reviewdesk.review.CaseSummary;
import org.reviewdesk.review.ReviewTask;

/** The registration process as the review inbox and review view see it. */
@org.springframework.stereotype.Component
class RegistrationCaseAdapter implements CaseAdapter {

    private final RegistrationService registrations;
    private final DocumentService documents;

    RegistrationCaseAdapter(RegistrationService registrations, DocumentService documents) {
        this.registrations = registrations;
        this.documents = documents;
    }

    @Override
    public String processKey() {
        return RegistrationProcess.KEY;
    }

    @Override
    public String processNameKey() {
        return "registration.workbench.processName";
    }

    @Override
    public Optional<CaseSummary> summary(String businessKey) {
        return businessKey == null ? Optional.empty() : registrations.caseSummary(businessKey);
    }

    @Override
    public com.vaadin.flow.component.Component workbench(ReviewTask task, CurrentUser user, Runnable onDecided) {
        return new RegistrationWorkbench(registrations, documents, task, user, onDecided);
    }
}
