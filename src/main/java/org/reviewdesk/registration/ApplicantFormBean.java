package org.reviewdesk.registration;

import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;

/**
 * The applicant form's fields as Vaadin's {@code Binder} edits them (a mutable bean, text never null),
 * turned into the {@link ApplicantForm} the service checks. The agent's fields count only when an agent
 * applies; the code's confirmation only when the form asked for it.
 */
final class ApplicantFormBean {

    private LegalPersonType legalPersonType;
    private String name = "";
    private String uscc = "";
    private boolean usccConfirmed;
    private String representativeName = "";
    private IdType representativeIdType = IdType.RESIDENT_ID;
    private String representativeIdNumber = "";
    private String representativeMobile = "";
    private boolean agentApplies;
    private String agentName = "";
    private IdType agentIdType = IdType.RESIDENT_ID;
    private String agentIdNumber = "";
    private String agentMobile = "";
    private String contactMobile = "";
    private String contactEmail = "";

    static ApplicantFormBean of(ApplicantForm form) {
        ApplicantFormBean bean = new ApplicantFormBean();
        bean.legalPersonType = form.legalPersonType();
        bean.name = text(form.name());
        bean.uscc = text(form.uscc());
        bean.usccConfirmed = form.usccConfirmed();
        bean.representativeName = text(form.representativeName());
        bean.representativeIdType = form.representativeIdType() == null ? IdType.RESIDENT_ID : form.representativeIdType();
        bean.representativeIdNumber = text(form.representativeIdNumber());
        bean.representativeMobile = text(form.representativeMobile());
        bean.agentApplies = form.agentApplies();
        bean.agentName = text(form.agentName());
        bean.agentIdType = form.agentIdType() == null ? IdType.RESIDENT_ID : form.agentIdType();
        bean.agentIdNumber = text(form.agentIdNumber());
        bean.agentMobile = text(form.agentMobile());
        bean.contactMobile = text(form.contactMobile());
        bean.contactEmail = text(form.contactEmail());
        return bean;
    }

    /** @param confirmationAsked whether the form showed the code's confirmation (a check character that did not match) */
    ApplicantForm toForm(boolean confirmationAsked) {
        return new ApplicantForm(legalPersonType, name, uscc, confirmationAsked && usccConfirmed, representativeName,
                representativeIdType, representativeIdNumber, representativeMobile, agentApplies,
                agentApplies ? agentName : null, agentApplies ? agentIdType : null, agentApplies ? agentIdNumber : null,
                agentApplies ? agentMobile : null, contactMobile, contactEmail);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    LegalPersonType getLegalPersonType() {
        return legalPersonType;
    }

    void setLegalPersonType(LegalPersonType legalPersonType) {
        this.legalPersonType = legalPersonType;
    }

    String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    String getUscc() {
        return uscc;
    }

    void setUscc(String uscc) {
        this.uscc = uscc;
    }

    Boolean getUsccConfirmed() {
        return usccConfirmed;
    }

    void setUsccConfirmed(Boolean usccConfirmed) {
        this.usccConfirmed = Boolean.TRUE.equals(usccConfirmed);
    }

    String getRepresentativeName() {
        return representativeName;
    }

    void setRepresentativeName(String representativeName) {
        this.representativeName = representativeName;
    }

    IdType getRepresentativeIdType() {
        return representativeIdType;
    }

    void setRepresentativeIdType(IdType representativeIdType) {
        this.representativeIdType = representativeIdType;
    }

    String getRepresentativeIdNumber() {
        return representativeIdNumber;
    }

    void setRepresentativeIdNumber(String representativeIdNumber) {
        this.representativeIdNumber = representativeIdNumber;
    }

    String getRepresentativeMobile() {
        return representativeMobile;
    }

    void setRepresentativeMobile(String representativeMobile) {
        this.representativeMobile = representativeMobile;
    }

    Boolean getAgentApplies() {
        return agentApplies;
    }

    void setAgentApplies(Boolean agentApplies) {
        this.agentApplies = Boolean.TRUE.equals(agentApplies);
    }

    String getAgentName() {
        return agentName;
    }

    void setAgentName(String agentName) {
        this.agentName = agentName;
    }

    IdType getAgentIdType() {
        return agentIdType;
    }

    void setAgentIdType(IdType agentIdType) {
        this.agentIdType = agentIdType;
    }

    String getAgentIdNumber() {
        return agentIdNumber;
    }

    void setAgentIdNumber(String agentIdNumber) {
        this.agentIdNumber = agentIdNumber;
    }

    String getAgentMobile() {
        return agentMobile;
    }

    void setAgentMobile(String agentMobile) {
        this.agentMobile = agentMobile;
    }

    String getContactMobile() {
        return contactMobile;
    }

    void setContactMobile(String contactMobile) {
        this.contactMobile = contactMobile;
    }

    String getContactEmail() {
        return contactEmail;
    }

    void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
    }
}
