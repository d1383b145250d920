package org.reviewdesk.notifications;

import java.time.OffsetDateTime;

/**
 * A message of a case as the status page and staff see it: the recipient masked, never the body
 * (which may hold an access code). {@code subject} is null for SMS; {@code sentAt} is null until sent;
 * {@code attempts} counts the tries so far.
 */
public record SentMessage(long id, Channel channel, String maskedRecipient, String subject, OutboxState state,
                          OffsetDateTime createdAt, OffsetDateTime sentAt, int attempts) {
}
