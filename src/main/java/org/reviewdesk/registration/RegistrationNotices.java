package org.reviewdesk.registration;

import org.reviewdesk.applicants.PortalProperties;
import org.reviewdesk.notifications.Notification;
import org.reviewdesk.notifications.Outbox;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the applicant is told, by SMS to the contact mobile and, when given, by mail: written to
 * the outbox in the transaction of the change, so a rolled-back change tells nobody anything.
 * Texts are {@code registration.notice.<kind>.sms|subject|mail} in the applicant's language.
 */
@Component
class RegistrationNotices {

    private final Outbox outbox;
    private final PortalProperties portal;

    RegistrationNotices(Outbox outbox, PortalProperties portal) {
        this.outbox = outbox;
        this.portal = portal;
    }

    /** The account is open: where to sign in, and the login name (the credit code). */
    @Transactional(propagation = Propagation.MANDATORY)
    void approved(RegistrationApplication application) {
        send(application, "approved", application.number(), application.name(), portal.loginAddress(), application.uscc());
    }

    /** The access code goes out with the draft's number: the body is erased once sent. */
    @Transactional(propagation = Propagation.MANDATORY)
    void accessCode(RegistrationApplication application, String accessCode) {
        enqueue(application, "accessCode", true, new Object[]{application.number(), accessCode});
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void send(RegistrationApplication application, String kind, Object... arguments) {
        enqueue(application, kind, false, arguments);
    }

    private void enqueue(RegistrationApplication application, String kind, boolean sensitive, Object[] arguments) {
        String prefix = "registration.notice." + kind;
        outbox.enqueue(Notification.sms(application.contactMobile(), application.number(), prefix + ".sms",
                application.locale(), sensitive, arguments));
        if (application.contactEmail() != null) {
            outbox.enqueue(Notification.mail(application.contactEmail(), application.number(), prefix + ".subject",
                    prefix + ".mail", application.locale(), sensitive, arguments));
        }
    }
}
