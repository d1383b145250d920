package org.reviewdesk.notifications;

/** How a notification reaches a person: a text message to a mobile number, or mail. */
public enum Channel {
    SMS,
    MAIL;

    public String messageKey() {
        return "notifications.channel." + name();
    }
}
