package org.reviewdesk.registration;

/**
 * A draft: its application number and, for a new draft, its access code, which is never stored in
 * clear (only its hash) and so can be shown only now. A retried creation ({@link #reissued()}) carries
 * no code: a new one went by SMS to {@code mobileMasked} only. {@code access} lets the caller go on
 * without asking for the code again (null for a retry, which proved no access code).
 */
public record DraftCreated(String applicationNumber, String accessCode, ApplicantAccess access, String mobileMasked) {

    DraftCreated(String applicationNumber, String accessCode, ApplicantAccess access) {
        this(applicationNumber, accessCode, access, null);
    }

    static DraftCreated reissued(String applicationNumber, String mobileMasked) {
        return new DraftCreated(applicationNumber, null, null, mobileMasked);
    }

    /** Whether this answers a retry: the code went by SMS only. */
    public boolean reissued() {
        return accessCode == null;
    }

    @Override
    public String toString() {
        return "DraftCreated[" + applicationNumber + "]";
    }
}
