package org.reviewdesk.hotline;

/** How the caller reached the hotline. */
public enum IntakeChannel {
    PHONE,
    ONLINE,
    LETTER;

    public String messageKey() {
        return "workorders.channel." + name();
    }
}
