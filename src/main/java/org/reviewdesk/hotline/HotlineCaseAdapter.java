package org.reviewdesk.hotline;

import java.util.EnumSet;
import java.util.Optional;
import java.util.regex.Pattern;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.review.CaseAdapter;
import org.reviewdesk.review.CaseSummary;
import org.reviewdesk.review.ColleagueNames;
import org.reviewdesk.review.Handlers;
import org.reviewdesk.review.ReviewTask;

/**
 * Process 4 as the inbox and the review view see it. Handlers (承办人员) and hotline agents work it,
 * and reviewers too, because the review team is one handling unit: which tasks each sees is still
 * decided by the candidate groups (a unit's group for sign and handle, {@code hotline} for dispatch and
 * callback, {@code supervisors} for extensions), so a reviewer sees an order only when the review team
 * is its unit. Supervisors supervise.
 */
// processes 1 to 4 in their order everywhere they are listed (filters, the dashboard, the reasons editor)
@org.springframework.core.annotation.Order(4)
@org.springframework.stereotype.Component
class HotlineCaseAdapter implements CaseAdapter {

    /** GD, the day in China (8 digits) and 6 random digits. */
    private static final Pattern NUMBER = Pattern.compile("GD\\d{14}");
    static final Handlers HANDLERS = new Handlers(EnumSet.of(Role.HANDLER, Role.HOTLINE_AGENT, Role.REVIEWER), Role.SUPERVISOR);

    private final WorkOrders orders;
    private final BusinessTime time;
    private final ColleagueNames colleagues;

    HotlineCaseAdapter(WorkOrders orders, BusinessTime time, ColleagueNames colleagues) {
        this.orders = orders;
        this.colleagues = colleagues;
        this.time = time;
    }

    @Override
    public String processKey() {
        return WorkOrderProcess.KEY;
    }

    @Override
    public String processNameKey() {
        return "workorders.processName";
    }

    @Override
    public Handlers handlers() {
        return HANDLERS;
    }

    @Override
    public Pattern caseRefShape() {
        return NUMBER;
    }

    @Override
    public Optional<CaseSummary> summary(String businessKey) {
        return businessKey == null ? Optional.empty() : orders.caseSummary(businessKey);
    }

    @Override
    public com.vaadin.flow.component.Component workbench(ReviewTask task, CurrentUser user, Runnable onDecided) {
        return new WorkOrderWorkbench(orders, colleagues, task, user, time, onDecided);
    }
}
