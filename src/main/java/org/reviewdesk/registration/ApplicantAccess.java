package org.reviewdesk.registration;

/**
 * Proof that the holder gave an application's number and its access code: only
 * {@link ApplicantCodes#open} makes one, so a method that takes it needs no other check of
 * who may act on the application. Keep it in the applicant's UI session only.
 */
public final class ApplicantAccess {

    private final String number;

    ApplicantAccess(String number) {
        this.number = number;
    }

    public String number() {
        return number;
    }

    @Override
    public String toString() {
        return "ApplicantAccess[" + number + "]";
    }
}
