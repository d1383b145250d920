package org.reviewdesk.namechange;

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

/** Process 3 as the review inbox and review view see it: reviewers work it, supervisors supervise. */
// processes 1 to 4 in their order everywhere they are listed (filters, the dashboard, the reasons editor)
@org.springframework.core.annotation.Order(3)
@org.springframework.stereotype.Component
class NameChangeCaseAdapter implements CaseAdapter {

    /** NC, the day in China (8 digits) and 6 random digits. */
    private static final Pattern NUMBER = Pattern.compile("NC\\d{14}");

    private final NameChangeReview review;
    private final DocumentService documents;
    private final BusinessTime time;
    private final InPersonVerifications inPerson;
    private final ColleagueNames colleagues;

    NameChangeCaseAdapter(NameChangeReview review, DocumentService documents, BusinessTime time, InPersonVerifications inPerson,
                          ColleagueNames colleagues) {
        this.colleagues = colleagues;
        this.inPerson = inPerson;
        this.review = review;
        this.documents = documents;
        this.time = time;
    }

    @Override
    public String processKey() {
        return NameChangeProcess.KEY;
    }

    @Override
    public String processNameKey() {
        return "namechange.workbench.processName";
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
        return new NameChangeWorkbench(review, documents, colleagues, task, user, time, onDecided, inPerson::find);
    }
}
