package org.reviewdesk.notifications;

import java.util.Optional;

/** The senders of this node, one per channel; mail only where an SMTP server is configured. */
class Delivery {

    private final SmsSender sms;
    private final SmtpMailSender mail;

    Delivery(SmsSender sms, Optional<SmtpMailSender> mail) {
        this.sms = sms;
        this.mail = mail.orElse(null);
    }

    boolean accepts(Channel channel) {
        return channel == Channel.SMS || mail != null;
    }

    void deliver(OutboxMessage message) throws DeliveryFailure {
        switch (message.channel()) {
            case SMS -> sms.send(message.recipient(), message.body(), message.caseRef(), message.messageKey());
            case MAIL -> {
                // enqueued while this or another node had a mail server configured
                if (mail == null) {
                    throw new DeliveryFailure("Mail is not configured on this node (spring.mail.host)");
                }
                mail.send(message.recipient(), message.subject(), message.body());
            }
        }
    }
}
