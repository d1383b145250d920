package org.reviewdesk.representative;

/**
 * A case was opened: its number and access code (shown once; the contact mobile also gets both by
 * SMS) and the applicant's proof of access for this session.
 */
public record ChangeStarted(String number, String accessCode, ChangeAccess access) {

    @Override
    public String toString() {
        return "ChangeStarted[" + number + "]";
    }
}
