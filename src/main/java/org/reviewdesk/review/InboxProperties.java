package org.reviewdesk.review;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the inbox ({@code reviewdesk.review.inbox}).
 *
 * @param refreshInterval how often each node looks for new tasks in the shared projection and, when
 *     there are any, refreshes the inboxes open on it (server push)
 */
@ConfigurationProperties("reviewdesk.review.inbox")
record InboxProperties(@DefaultValue("5s") Duration refreshInterval) {

    InboxProperties {
        if (refreshInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("reviewdesk.review.inbox.refresh-interval must be at least 1s: " + refreshInterval);
        }
    }
}
