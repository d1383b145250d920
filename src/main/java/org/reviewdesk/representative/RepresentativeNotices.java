package org.reviewdesk.representative;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.reviewdesk.notifications.Notification;
import org.reviewdesk.notifications.Outbox;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the applicant is told by SMS to the case's contact mobile, written to the outbox in the
 * transaction of the change: {@code representative.notice.<kind>.sms} in the applicant's language.
 */
@Component
class RepresentativeNotices {

    private final Outbox outbox;
    private final RepresentativeProperties properties;

    RepresentativeNotices(Outbox outbox, RepresentativeProperties properties) {
        this.outbox = outbox;
        this.properties = properties;
    }

    /** The number, the access code and the status page's link; the body is erased once sent. */
    @Transactional(propagation = Propagation.MANDATORY)
    void accessCode(String mobile, String number, String accessCode, java.util.Locale locale) {
        outbox.enqueue(Notification.sms(mobile, number, "representative.notice.accessCode.sms", locale, true,
                number, accessCode, properties.statusUrl()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void send(ChangeCase c, String kind, Object... arguments) {
        outbox.enqueue(Notification.sms(c.contactMobile(), c.number(), "representative.notice." + kind + ".sms", c.locale(),
                false, arguments));
    }

    /**
     * The account is deregistered. An out-of-province body is invited to register again, with a link
     * to the registration form prefilled from the case; a Sichuan body is told to register online
     * itself (the portal's FAQ).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void deregistered(ChangeCase c) {
        if (c.sichuan()) {
            send(c, "deregistered.sichuan", c.number(), c.accountName());
        } else {
            send(c, "deregistered.invite", c.number(), c.accountName(), reRegistrationLink(c));
        }
    }

    /** The registration form with the organisation's code, name, type and new representative filled in. */
    String reRegistrationLink(ChangeCase c) {
        return properties.applyUrl() + "?uscc=" + encode(c.uscc()) + "&name=" + encode(c.accountName())
                + "&type=" + encode(c.legalPersonType().name()) + "&rep=" + encode(c.representativeName());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
