package org.reviewdesk.review;

import com.vaadin.flow.component.Component;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.reviewdesk.platform.CurrentUser;

/** The case adapter of the tests' own process ({@link InboxFixtures#PROCESS_KEY}): cases the test registers. */
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "reviewdesk.test.sample-processes", havingValue = "true", matchIfMissing = true)
@org.springframework.stereotype.Component
class TestCaseAdapter implements CaseAdapter {

    static final Map<String, CaseSummary> CASES = new ConcurrentHashMap<>();

    @Override
    public String processKey() {
        return InboxFixtures.PROCESS_KEY;
    }

    @Override
    public String processNameKey() {
        return "review.test.process";
    }

    @Override
    public Handlers handlers() {
        return Handlers.REVIEW_TEAM;
    }

    /** The tests' process stands for a review of applications (the dashboard counts its outcomes). */
    @Override
    public boolean reviewsApplications() {
        return true;
    }

    @Override
    public Pattern caseRefShape() {
        return Pattern.compile("T[0-9A-F]{12}");
    }

    @Override
    public Optional<CaseSummary> summary(String businessKey) {
        return Optional.ofNullable(CASES.get(businessKey));
    }

    @Override
    public Component workbench(ReviewTask task, CurrentUser user, Runnable onDecided) {
        throw new UnsupportedOperationException("no workbench in tests");
    }
}
