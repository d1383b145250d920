package org.reviewdesk.accounts;

/** Where the desk learnt of an account. */
public enum AccountSource {
    /** Imported from the portal's list of existing accounts by an administrator. */
    IMPORT,
    /** Opened here by an approved registration. */
    REGISTRATION;

    public String messageKey() {
        return "accounts.source." + name();
    }
}
