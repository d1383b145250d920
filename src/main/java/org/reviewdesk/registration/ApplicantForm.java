package org.reviewdesk.registration;

import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;

/**
 * What the applicant types into the form (or the portal's front end sends). Nothing here is
 * trusted: {@link RegistrationService} checks every field. The agent (经办人) fields count only
 * when {@code agentApplies}.
 *
 * @param usccConfirmed the applicant confirms a code whose check character does not match
 *     (real codes exist that fail it; the reviewer sees a flag)
 * @param contactEmail optional; when given, notifications also go there
 */
public record ApplicantForm(
        LegalPersonType legalPersonType,
        String name,
        String uscc,
        boolean usccConfirmed,
        String representativeName,
        IdType representativeIdType,
        String representativeIdNumber,
        String representativeMobile,
        boolean agentApplies,
        String agentName,
        IdType agentIdType,
        String agentIdNumber,
        String agentMobile,
        String contactMobile,
        String contactEmail) {
}
