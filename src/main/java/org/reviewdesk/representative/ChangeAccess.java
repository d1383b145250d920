package org.reviewdesk.representative;

/**
 * Proof that the holder gave a case's number and its access code (or just opened it): only this
 * package makes one, so a method that takes it needs no other check of who may act on the case.
 */
public final class ChangeAccess {

    private final String number;

    ChangeAccess(String number) {
        this.number = number;
    }

    public String number() {
        return number;
    }

    @Override
    public String toString() {
        return "ChangeAccess[" + number + "]";
    }
}
