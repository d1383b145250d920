package org.reviewdesk.representative;

import org.reviewdesk.rules.IdType;

/**
 * What starts a legal-representative change, whoever enters it (the new representative online, a
 * window clerk, the hotline): the organisation's credit code, the reason (its text when OTHER), the
 * new representative and, when an agent (经办人) handles it, the agent. The contact mobile is the
 * agent's when an agent applies, else the new representative's.
 */
public record ChangeRequest(String uscc, ChangeReason reason, String reasonText,
                            String representativeName, IdType representativeIdType, String representativeIdNumber,
                            String representativeMobile,
                            boolean agentApplies, String agentName, IdType agentIdType, String agentIdNumber,
                            String agentMobile) {

    /** A request without an agent. */
    public static ChangeRequest byRepresentative(String uscc, ChangeReason reason, String reasonText, String name,
                                                 IdType idType, String idNumber, String mobile) {
        return new ChangeRequest(uscc, reason, reasonText, name, idType, idNumber, mobile, false, null, null, null, null);
    }

    public String contactMobile() {
        return agentApplies ? agentMobile : representativeMobile;
    }

    @Override
    public String toString() {
        return "ChangeRequest[" + uscc + ", " + reason + "]";
    }
}
