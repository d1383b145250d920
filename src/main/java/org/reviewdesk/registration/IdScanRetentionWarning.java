package org.reviewdesk.registration;

import java.util.List;
import org.reviewdesk.platform.OperatorWarning;
import org.reviewdesk.platform.OperatorWarningSource;
import org.springframework.stereotype.Component;

/**
 * ID scans kept past their retention period break the personal-data rule: the housekeeping job does
 * not run or keeps failing (the database or the document store), and an operator must look.
 */
@Component
class IdScanRetentionWarning implements OperatorWarningSource {

    private final RegistrationHousekeeping housekeeping;

    IdScanRetentionWarning(RegistrationHousekeeping housekeeping) {
        this.housekeeping = housekeeping;
    }

    @Override
    public List<OperatorWarning> currentWarnings() {
        long overdue = housekeeping.overdueIdScans();
        // a number, so the English text can choose singular or plural (the texts format it without digit grouping)
        return overdue == 0 ? List.of() : List.of(OperatorWarning.of("registration.warning.idScansOverdue", overdue));
    }
}
