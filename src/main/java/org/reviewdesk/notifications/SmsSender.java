package org.reviewdesk.notifications;

/** Hands one text message to whatever delivers SMS. Chosen by {@code reviewdesk.notifications.sms.sender}. */
interface SmsSender {

    /**
     * @param mobile 11 digits
     * @param text the rendered body; may hold an access code, so it must not be logged
     * @param messageKey the body's message key, for logs that must say which message without its text
     * @throws DeliveryFailure when the message was not accepted; it will be tried again
     */
    void send(String mobile, String text, String caseRef, String messageKey) throws DeliveryFailure;
}
