package org.reviewdesk.registration;

/** The fields of the applicant's form, as named in field errors (UI and REST). */
public enum FormField {
    LEGAL_PERSON_TYPE("legalPersonType"),
    NAME("name"),
    USCC("uscc"),
    USCC_CONFIRMED("usccConfirmed"),
    REPRESENTATIVE_NAME("representativeName"),
    REPRESENTATIVE_ID_TYPE("representativeIdType"),
    REPRESENTATIVE_ID_NUMBER("representativeIdNumber"),
    REPRESENTATIVE_MOBILE("representativeMobile"),
    AGENT_NAME("agentName"),
    AGENT_ID_TYPE("agentIdType"),
    AGENT_ID_NUMBER("agentIdNumber"),
    AGENT_MOBILE("agentMobile"),
    CONTACT_MOBILE("contactMobile"),
    CONTACT_EMAIL("contactEmail"),
    /** The SMS code that proves the contact mobile (a new draft only). */
    MOBILE_CODE("mobileCode"),
    DOCUMENTS("documents"),
    DECLARATION("declaration");

    private final String jsonName;

    FormField(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name of the field in the REST API's JSON. */
    public String jsonName() {
        return jsonName;
    }
}
