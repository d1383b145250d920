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

    private final RegistrationReview review;
    private final DocumentService documents;

    RegistrationCaseAdapter(RegistrationReview review, DocumentService documents) {
        this.review = review;
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
        return businessKey == null ? Optional.empty() : review.caseSummary(businessKey);
    }

    @Override
    public com.vaadin.flow.component.Component workbench(ReviewTask task, CurrentUser user, Runnable onDecided) {
        return new RegistrationWorkbench(review, documents, task, user, onDecided);
    }
}
