package org.reviewdesk.representative;

import org.reviewdesk.rules.IdType;

/** What the public start form binds (Vaadin's Binder needs a mutable bean); becomes a {@link ChangeRequest}. */
public class ChangeFormBean {

    private String uscc = "";
    private ChangeReason reason = ChangeReason.REPRESENTATIVE_CHANGED;
    private String reasonText = "";
    private String representativeName = "";
    private IdType representativeIdType = IdType.RESIDENT_ID;
    private String representativeIdNumber = "";
    private String representativeMobile = "";
    private boolean agentApplies;
    private String agentName = "";
    private IdType agentIdType = IdType.RESIDENT_ID;
    private String agentIdNumber = "";
    private String agentMobile = "";

    public ChangeRequest toRequest() {
        return new ChangeRequest(uscc, reason, reasonText, representativeName, representativeIdType, representativeIdNumber,
                representativeMobile, agentApplies, agentName, agentIdType, agentIdNumber, agentMobile);
    }

    public String contactMobile() {
        return agentApplies ? agentMobile : representativeMobile;
    }

    public String getUscc() { return uscc; }
    public void setUscc(String uscc) { this.uscc = uscc; }
    public ChangeReason getReason() { return reason; }
    public void setReason(ChangeReason reason) { this.reason = reason; }
    public String getReasonText() { return reasonText; }
    public void setReasonText(String reasonText) { this.reasonText = reasonText; }
    public String getRepresentativeName() { return representativeName; }
    public void setRepresentativeName(String v) { this.representativeName = v; }
    public IdType getRepresentativeIdType() { return representativeIdType; }
    public void setRepresentativeIdType(IdType v) { this.representativeIdType = v; }
    public String getRepresentativeIdNumber() { return representativeIdNumber; }
    public void setRepresentativeIdNumber(String v) { this.representativeIdNumber = v; }
    public String getRepresentativeMobile() { return representativeMobile; }
    public void setRepresentativeMobile(String v) { this.representativeMobile = v; }
    public boolean isAgentApplies() { return agentApplies; }
    public void setAgentApplies(boolean v) { this.agentApplies = v; }
    public String getAgentName() { return agentName; }
    public void setAgentName(String v) { this.agentName = v; }
    public IdType getAgentIdType() { return agentIdType; }
    public void setAgentIdType(IdType v) { this.agentIdType = v; }
    public String getAgentIdNumber() { return agentIdNumber; }
    public void setAgentIdNumber(String v) { this.agentIdNumber = v; }
    public String getAgentMobile() { return agentMobile; }
    public void setAgentMobile(String v) { this.agentMobile = v; }
}
