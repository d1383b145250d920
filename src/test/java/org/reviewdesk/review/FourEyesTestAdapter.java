package org.reviewdesk.review;

import org.reviewdesk.platform.CurrentUser;

/** The test process is the review team's, as the legal-representative change's second approval will be. */
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "reviewdesk.test.sample-processes", havingValue = "true", matchIfMissing = true)
@org.springframework.stereotype.Component
class FourEyesTestAdapter implements CaseAdapter {

    @Override
    public String processKey() {
        return FourEyesTest.KEY;
    }

    @Override
    public String processNameKey() {
        return "review.test.fourEyes";
    }

    @Override
    public Handlers handlers() {
        return Handlers.REVIEW_TEAM;
    }

    @Override
    public java.util.regex.Pattern caseRefShape() {
        return java.util.regex.Pattern.compile("FE[0-9A-F-]{8}");
    }

    @Override
    public java.util.Optional<CaseSummary> summary(String businessKey) {
        return java.util.Optional.empty();
    }

    @Override
    public com.vaadin.flow.component.Component workbench(ReviewTask task, CurrentUser user, Runnable onDecided) {
        return new com.vaadin.flow.component.html.Div();
    }
}
