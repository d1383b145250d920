package org.reviewdesk.notifications;

/**
 * Where a message is: waiting (also between retries), being sent by a node that holds it for a
 * lease, sent, or given up after the last attempt.
 */
public enum OutboxState {
    PENDING,
    SENDING,
    SENT,
    FAILED;

    public String messageKey() {
        return "notifications.state." + name();
    }
}
