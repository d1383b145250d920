package org.reviewdesk.notifications;

/** A message this node has claimed and is about to send, as the senders need it. */
record OutboxMessage(long id, Channel channel, String recipient, String caseRef, String messageKey,
                     String subject, String body, int attempts) {

    /** Never the body nor the full recipient: this ends up in logs. */
    @Override
    public String toString() {
        return channel + " message " + id + " (" + messageKey + ") for case " + caseRef + " to " + Recipients.mask(channel, recipient);
    }
}
