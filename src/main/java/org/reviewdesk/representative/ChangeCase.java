package org.reviewdesk.representative;

import java.time.OffsetDateTime;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;

/** One row of {@code representative_change}, as read; changes go through {@link RepresentativeRecords}. */
record ChangeCase(long id, String number, ChangeState state, String uscc, String accountName, LegalPersonType legalPersonType,
                  ChangeReason reason, String reasonText, String representativeName, IdType representativeIdType,
                  String representativeIdNumber, String representativeMobile, String contactMobile, boolean agentApplies,
                  String agentName, IdType agentIdType, String agentIdNumber, String agentMobile, String startedVia,
                  String startedBy, String localeTag, String accessCodeHash, String processInstanceId, OffsetDateTime createdAt,
                  OffsetDateTime submittedAt, OffsetDateTime reviewDue, Integer reviewDaysLeft, String supplementSlots,
                  String supplementReason, String firstReviewer, String secondApprover, String decisionText,
                  OffsetDateTime decidedAt, OffsetDateTime deregisteredAt) {

    java.util.Locale locale() {
        return java.util.Locale.forLanguageTag(localeTag);
    }

    java.util.List<String> supplementSlotList() {
        return supplementSlots == null || supplementSlots.isBlank() ? java.util.List.of()
                : java.util.List.of(supplementSlots.split(","));
    }

    /** Registered in Sichuan (positions 3-4 of the code are 51): such bodies register online themselves. */
    boolean sichuan() {
        return uscc.length() >= 4 && uscc.startsWith("51", 2);
    }
}
