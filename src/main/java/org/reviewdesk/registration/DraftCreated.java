package org.reviewdesk.registration;

/**
 * A new draft: its application number and its access code, which is never stored in clear (only
 * its hash) and so can be shown only now; {@code access} lets the caller go on without asking for
 * the code again.
 */
public record DraftCreated(String applicationNumber, String accessCode, ApplicantAccess access) {

    @Override
    public String toString() {
        return "DraftCreated[" + applicationNumber + "]";
    }
}
