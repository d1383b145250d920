package org.reviewdesk.notifications;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every node dispatches: the outbox's per-message claim keeps them from sending a message twice,
 * and a node that stops leaves its messages to the others once their lease runs out.
 */
@Component
class DispatchSchedule {

    private final Outbox outbox;
    private final NotificationProperties properties;

    DispatchSchedule(Outbox outbox, NotificationProperties properties) {
        this.outbox = outbox;
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "${reviewdesk.notifications.dispatch-interval:5s}",
            fixedDelayString = "${reviewdesk.notifications.dispatch-interval:5s}")
    void dispatch() {
        if (properties.dispatchEnabled()) {
            outbox.dispatchDue();
        }
    }
}
