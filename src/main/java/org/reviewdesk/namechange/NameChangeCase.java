package org.reviewdesk.namechange;

import java.time.OffsetDateTime;
import java.util.Locale;

/** A row of {@code name_change}. */
record NameChangeCase(long id, String number, NameChangeState state, String uscc, String oldName, String newName,
                      String applicantName, String applicantMobile, String startedVia, String startedBy, String locale,
                      String accessCodeHash, String processInstanceId, OffsetDateTime createdAt, String requestReason,
                      String reviewer, String decisionText, OffsetDateTime renamedAt, OffsetDateTime submittedAt,
                      OffsetDateTime reviewDue, Integer reviewDaysLeft) {

    Locale language() {
        return Locale.forLanguageTag(locale);
    }
}
