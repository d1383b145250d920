package org.reviewdesk.notifications;

/**
 * A send that did not go through and may succeed later. Its message is stored as the row's
 * last_error and logged, so senders describe the failure without the text or the full recipient.
 */
class DeliveryFailure extends Exception {

    DeliveryFailure(String reason) {
        super(reason);
    }

    DeliveryFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}
