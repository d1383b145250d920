package org.reviewdesk.namechange;

/** A submitted name change: its number and the access code, shown once (the applicant's mobile gets both). */
public record NameChangeStarted(String number, String accessCode) {

    @Override
    public String toString() {
        return "NameChangeStarted[" + number + "]";
    }
}
