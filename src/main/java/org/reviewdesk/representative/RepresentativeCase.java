package org.reviewdesk.representative;

import java.time.OffsetDateTime;
import java.util.List;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;

/** A case as the reviewer's workbench shows it, personal numbers masked. */
public record RepresentativeCase(String number, ChangeState state, String uscc, String accountName,
                                 LegalPersonType legalPersonType, ChangeReason reason, String reasonText,
                                 String representativeOnRecord, String representativeName, IdType representativeIdType,
                                 String representativeIdNumberMasked, String representativeMobileMasked,
                                 boolean agentApplies, String agentName, String agentIdNumberMasked, String agentMobileMasked,
                                 String startedVia, String startedBy, OffsetDateTime submittedAt, OffsetDateTime reviewDue,
                                 String firstReviewer, List<String> slots, List<String> supplementSlots) {
}
