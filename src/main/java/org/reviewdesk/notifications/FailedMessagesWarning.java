package org.reviewdesk.notifications;

import java.util.List;
import org.reviewdesk.platform.OperatorWarning;
import org.reviewdesk.platform.OperatorWarningSource;
import org.springframework.stereotype.Component;

/** Messages given up after their last attempt reached nobody: an operator must check the gateway or mail server. */
@Component
class FailedMessagesWarning implements OperatorWarningSource {

    private final OutboxRows rows;

    FailedMessagesWarning(OutboxRows rows) {
        this.rows = rows;
    }

    @Override
    public List<OperatorWarning> currentWarnings() {
        long failed = rows.countFailed();
        // as text, so the count shows without digit grouping in either language
        return failed == 0 ? List.of() : List.of(OperatorWarning.of("notifications.warning.failed", failed));
    }
}
