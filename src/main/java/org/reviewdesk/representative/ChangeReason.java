package org.reviewdesk.representative;

/**
 * Why the organisation asks for its account to be deregistered: its legal representative changed;
 * its name changed and it is no 企业 (those deregister and register again, the portal's rule); or
 * another reason the applicant states.
 */
public enum ChangeReason {
    REPRESENTATIVE_CHANGED,
    NAME_CHANGED,
    OTHER;

    public String messageKey() {
        return "representative.reason." + name();
    }
}
