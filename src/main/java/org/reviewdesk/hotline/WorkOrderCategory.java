package org.reviewdesk.hotline;

/**
 * What a caller asks for. The first four are the 12345 hotline's own categories (their limits in the
 * Sichuan hotline's rules); the last two are this platform's: a legal representative who cannot be
 * reached (starts process 2 for the caller) and an account or password the portal's self-service could
 * not recover (needs a recorded manual identity check before dispatch).
 */
public enum WorkOrderCategory {
    ENQUIRY,
    HELP,
    SUGGESTION,
    COMPLAINT,
    REPRESENTATIVE_UNREACHABLE,
    ACCOUNT_RECOVERY;

    public String messageKey() {
        return "workorders.category." + name();
    }
}
