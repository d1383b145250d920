package org.reviewdesk.representative;

import java.util.Optional;
import java.util.regex.Pattern;
import org.reviewdesk.documents.intake.DocumentService;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.review.CaseAdapter;
import org.reviewdesk.review.CaseSummary;
import org.reviewdesk.review.ColleagueNames;
import org.reviewdesk.review.Handlers;
import org.reviewdesk.review.ReviewTask;
import org.reviewdesk.window.InPersonVerifications;

/** Process 2 as the review inbox and review view see it: reviewers work it, supervisors supervise and approve second. */
// processes 1 to 4 in their order everywhere they are listed (filters, the dashboard, the reasons editor)
@org.springframework.core.annotation.Order(2)
@org.springframework.stereotype.Component
class RepresentativeCaseAdapter implements CaseAdapter {

    /** DR, the day in China (8 digits) and 6 random digits (applicants.CaseNumbers). */
    private static final Pattern NUMBER = Pattern.compile("DR\\d{14,}");

    private final RepresentativeReview review;
    private final DocumentService documents;
    private final BusinessTime time;
    private final InPersonVerifications inPerson;
    private final ColleagueNames colleagues;

    RepresentativeCaseAdapter(RepresentativeReview review, DocumentService documents, BusinessTime time,
                              InPersonVerifications inPerson, ColleagueNames colleagues) {
        this.colleagues = colleagues;
        this.inPerson = inPerson;
        this.review = review;
        this.documents = documents;
        this.time = time;
    }

    @Override
    public String processKey() {
        return RepresentativeProcess.KEY;
    }

    @Override
    public String processNameKey() {
        return "representative.workbench.processName";
    }

    @Override
    public Handlers handlers() {
        return Handlers.REVIEW_TEAM;
    }

    /** Its decision task completes with {@code decision} = APPROVE, REJECT or REQUEST_DOCUMENTS. */
    @Override
    public boolean reviewsApplications() {
        return true;
    }

    @Override
    public Pattern caseRefShape() {
        return NUMBER;
    }

    @Override
    public Optional<CaseSummary> summary(String businessKey) {
        return businessKey == null ? Optional.empty() : review.caseSummary(businessKey);
    }

    @Override
    public com.vaadin.flow.component.Component workbench(ReviewTask task, CurrentUser user, Runnable onDecided) {
        return new RepresentativeWorkbench(review, documents, colleagues, task, user, time, onDecided, inPerson::find);
    }
}
