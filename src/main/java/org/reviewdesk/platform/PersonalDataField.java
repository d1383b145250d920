package org.reviewdesk.platform;

/** A value of personal data that screens show masked and that staff may reveal in full, audited. */
public enum PersonalDataField {
    REPRESENTATIVE_MOBILE,
    REPRESENTATIVE_ID_NUMBER,
    CONTACT_MOBILE,
    AGENT_ID_NUMBER,
    AGENT_MOBILE,
    APPLICANT_MOBILE;

    public String messageKey() {
        return "platform.reveal.field." + name();
    }
}
