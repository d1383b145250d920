package org.reviewdesk.namechange;

import java.time.OffsetDateTime;
import java.util.Locale;
import org.reviewdesk.rules.IdType;

/** A row of {@code name_change}; the applicant's ID document only when started at the window. */
record NameChangeCase(long id, String number, NameChangeState state, String uscc, String oldName, String newName,
                      String applicantName, String applicantMobile, String startedVia, String startedBy, String locale,
                      String accessCodeHash, String processInstanceId, OffsetDateTime createdAt, String requestReason,
                      String reviewer, String decisionText, OffsetDateTime renamedAt, OffsetDateTime submittedAt,
                      OffsetDateTime reviewDue, Integer reviewDaysLeft, IdType applicantIdType,
                      String applicantIdNumber) {

    Locale language() {
        return Locale.forLanguageTag(locale);
    }
}
