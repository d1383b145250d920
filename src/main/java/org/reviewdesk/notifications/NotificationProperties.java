package org.reviewdesk.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notification outbox ({@code reviewdesk.notifications}). The SMTP server itself is
 * Spring Boot's {@code spring.mail.*}; mail is sent only when {@code spring.mail.host} is set.
 *
 * @param dispatchEnabled whether this node's scheduler sends due messages (off in tests, which send themselves)
 * @param dispatchInterval pause between two dispatch rounds of a node
 * @param lease how long a node holds a message it is sending; afterwards another node may take it
 *     over (the holder is presumed dead), so it is longer than any send can take
 * @param maxAttempts tries before a message is given up (FAILED, an operator warning)
 * @param retryBase wait after the first failure, doubled after each further one
 * @param retryMax the longest wait between two tries
 */
@ConfigurationProperties("reviewdesk.notifications")
record NotificationProperties(
        @DefaultValue("true") boolean dispatchEnabled,
        @DefaultValue("5s") Duration dispatchInterval,
        @DefaultValue("5m") Duration lease,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("30s") Duration retryBase,
        @DefaultValue("30m") Duration retryMax,
        @DefaultValue Sms sms,
        @DefaultValue Mail mail) {

    NotificationProperties {
        if (dispatchInterval.isNegative() || dispatchInterval.isZero() || maxAttempts < 1
                || retryBase.isNegative() || retryBase.isZero() || retryMax.compareTo(retryBase) < 0) {
            throw new IllegalArgumentException("reviewdesk.notifications: invalid dispatch-interval " + dispatchInterval
                    + ", max-attempts " + maxAttempts + ", retry-base " + retryBase + " or retry-max " + retryMax);
        }
        // a lease that ends while the gateway may still answer would let a second node send the same text
        Duration longestSms = sms.http().connectTimeout().plus(sms.http().timeout());
        if (lease.compareTo(longestSms) <= 0) {
            throw new IllegalArgumentException("reviewdesk.notifications.lease (" + lease
                    + ") must be longer than the SMS gateway's connect-timeout plus timeout (" + longestSms + ")");
        }
    }

    /** The wait after the {@code attempts}-th failed try: base, 2 x base, 4 x base, ... up to retryMax. */
    Duration retryDelay(int attempts) {
        int doublings = Math.max(0, attempts - 1);
        // beyond 2^30 the product would overflow long before it could matter against retryMax
        if (doublings >= 30) {
            return retryMax;
        }
        Duration delay = retryBase.multipliedBy(1L << doublings);
        return delay.compareTo(retryMax) > 0 ? retryMax : delay;
    }

    enum SmsSenderType {
        /** Writes a line to the log instead of sending: for development and demonstrations. */
        LOG,
        /** POSTs to the SMS gateway at {@code sms.http.url}. */
        HTTP
    }

    /** @param sender which sender delivers SMS: {@code log} (default) or {@code http} */
    record Sms(@DefaultValue("log") SmsSenderType sender, @DefaultValue Http http) {
    }

    /**
     * The SMS gateway: JSON {@code {"mobile","text","caseRef"}} POSTed to {@code url}.
     *
     * @param token sent as {@code Authorization: Bearer <token>} when not empty
     * @param timeout the longest wait for the gateway's answer
     */
    record Http(@DefaultValue("") String url, @DefaultValue("") String token,
                @DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration timeout) {
    }

    /** @param from the sender address of every mail */
    record Mail(@DefaultValue("noreply@example.gov.cn") String from) {
    }
}
