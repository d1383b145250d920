package org.reviewdesk.notifications;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional outbox of SMS and mail. A capability enqueues in its own transaction, so the
 * message exists exactly when the change that caused it committed; every node's dispatcher then
 * sends what is due, each message claimed by one node at a time. A message is sent at least once:
 * a node that dies between sending and recording it leaves the message to another node after the
 * lease, which sends it again.
 */
@Service
public class Outbox {

    static final String ERASED_AFTER_SENDING = "(erased after sending)";
    static final String ERASED_NOT_SENT = "(erased, not sent)";

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final int PAGE = 100;
    private static final String THIS_NODE = ManagementFactory.getRuntimeMXBean().getName();

    private final OutboxRows rows;
    private final MessageSource messages;
    private final Delivery delivery;
    private final NotificationProperties properties;
    private final Clock clock;
    private final String node;

    @Autowired
    Outbox(OutboxRows rows, MessageSource messages, Delivery delivery, NotificationProperties properties, Clock clock) {
        this(rows, messages, delivery, properties, clock, THIS_NODE);
    }

    /** {@code node} names the claimant in locked_by; tests run several "nodes" in one JVM. */
    Outbox(OutboxRows rows, MessageSource messages, Delivery delivery, NotificationProperties properties, Clock clock,
           String node) {
        this.rows = rows;
        this.messages = messages;
        this.delivery = delivery;
        this.properties = properties;
        this.clock = clock;
        this.node = node.length() > 100 ? node.substring(0, 100) : node;
    }

    /**
     * Writes the message in the caller's transaction: it is sent if and only if that transaction
     * commits. The texts are rendered now, in the notification's locale. A mail while no SMTP server
     * is configured is skipped: empty.
     *
     * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
     * @throws IllegalArgumentException for a recipient that is no mobile number or mail address,
     *     or a body longer than 4000 characters
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Long> enqueue(Notification n) {
        if (!delivery.accepts(n.channel())) {
            log.info("No mail server configured (spring.mail.host): mail {} for case {} skipped", n.bodyKey(), n.caseRef());
            return Optional.empty();
        }
        String recipient = Recipients.normalise(n.channel(), n.recipient());
        Object[] arguments = n.arguments().toArray();
        String subject = n.subjectKey() == null ? null : messages.getMessage(n.subjectKey(), arguments, n.locale());
        String body = messages.getMessage(n.bodyKey(), arguments, n.locale());
        if (body.length() > OutboxRows.MAX_BODY) {
            throw new IllegalArgumentException(n.bodyKey() + " renders to " + body.length() + " characters, more than " + OutboxRows.MAX_BODY);
        }
        return Optional.of(rows.insert(n.channel(), recipient, n.caseRef(), n.bodyKey(), subject, body, n.sensitive(), now()));
    }

    /** The case's messages, oldest first, recipients masked and without bodies. */
    @Transactional(readOnly = true)
    public List<SentMessage> messagesFor(String caseRef) {
        return rows.forCase(caseRef);
    }

    /**
     * Sends what is due now, each message after this node won its claim; returns how many were sent.
     * Runs outside any caller's transaction: every claim and outcome is committed at once, so other
     * nodes see it, and no transaction stays open while a gateway answers.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int dispatchDue() {
        OffsetDateTime roundStart = now();
        int sent = 0;
        long after = 0;
        List<Long> due;
        // walks the due ids once in order: a message that fails now waits for its back-off, not this loop
        while (!(due = rows.dueIds(after, roundStart, PAGE)).isEmpty()) {
            for (long id : due) {
                after = id;
                Optional<OutboxMessage> claimed = rows.claim(id, node, now(), properties.lease());
                if (claimed.isPresent() && send(claimed.get())) {
                    sent++;
                }
            }
        }
        return sent;
    }

    private boolean send(OutboxMessage message) {
        String failure;
        try {
            delivery.deliver(message);
            if (!rows.finish(message.id(), node, OutboxState.SENT, now(), null, ERASED_AFTER_SENDING)) {
                log.warn("Sent {}, but its lease had run out: another node may send it again", message);
            }
            log.debug("Sent {}", message);
            return true;
        } catch (DeliveryFailure e) {
            failure = e.getMessage();
        } catch (RuntimeException e) {
            // a sender's bug must not stop the round nor leave the message held until the lease ends
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        failed(message, failure);
        return false;
    }

    private void failed(OutboxMessage message, String reason) {
        String error = Recipients.scrub(reason, message.channel(), message.recipient(), OutboxRows.MAX_ERROR);
        if (message.body() != null && !message.body().isBlank()) {
            error = error.replace(message.body(), "(text)");
        }
        if (message.attempts() >= properties.maxAttempts()) {
            // nothing will send it again, so a secret in it is only a liability
            rows.finish(message.id(), node, OutboxState.FAILED, null, error, ERASED_NOT_SENT);
            log.error("Gave up {} after {} attempts: {}", message, message.attempts(), error);
        } else {
            OffsetDateTime next = now().plus(properties.retryDelay(message.attempts()));
            rows.retryLater(message.id(), node, next, error);
            log.warn("Could not send {} (attempt {} of {}), next try at {}: {}", message, message.attempts(),
                    properties.maxAttempts(), next, error);
        }
    }

    /** Database precision (microseconds), so what is compared and returned equals what is stored. */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
