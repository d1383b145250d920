package org.reviewdesk.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one log line per SMS instead of sending it, for development and demonstrations. The line
 * names the message by its key, never its text: the text may hold an applicant's access code.
 */
class LoggingSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);

    LoggingSmsSender() {
        // a production node left on this sender would mark messages SENT that nobody receives
        log.warn("SMS are written to the log, not sent (reviewdesk.notifications.sms.sender=log); "
                + "set REVIEWDESK_SMS_SENDER=http and REVIEWDESK_SMS_HTTP_URL to reach the gateway");
    }

    @Override
    public void send(String mobile, String text, String caseRef, String messageKey) {
        log.info("SMS to {} for case {}: {}", Recipients.mask(Channel.SMS, mobile), caseRef, messageKey);
    }
}
