package org.reviewdesk.registration;

import java.time.OffsetDateTime;
import java.util.List;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;

/**
 * An application as the reviewer's workbench shows it: ID numbers and mobiles already masked by
 * the service, so no view ever holds the full values.
 *
 * @param requiredSlots the document slots the type asks for, in the DMN table's order
 * @param supplementSlots the slots last asked for again (empty if never)
 */
public record RegistrationWorkbenchCase(
        String number,
        RegistrationState state,
        LegalPersonType type,
        String name,
        String uscc,
        boolean usccConfirmed,
        String representativeName,
        IdType representativeIdType,
        String representativeIdNumberMasked,
        String representativeMobileMasked,
        boolean agentApplies,
        String agentName,
        IdType agentIdType,
        String agentIdNumberMasked,
        String agentMobileMasked,
        String contactMobileMasked,
        OffsetDateTime submittedAt,
        OffsetDateTime reviewDue,
        boolean escalated,
        List<String> requiredSlots,
        List<String> supplementSlots,
        String supplementReason) {

    public RegistrationWorkbenchCase {
        requiredSlots = List.copyOf(requiredSlots);
        supplementSlots = List.copyOf(supplementSlots);
    }
}
