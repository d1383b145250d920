package org.reviewdesk.notifications;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.reviewdesk.platform.Languages;

/**
 * A message to send for a case. The texts are message-bundle keys of the calling capability,
 * rendered when the message is enqueued, in {@code locale} with {@code arguments}, so the message
 * says what was true when the change was made.
 *
 * @param recipient a mobile number (SMS) or a mail address (MAIL)
 * @param subjectKey the mail subject's key; null for SMS
 * @param sensitive the body holds a secret (an access code): it is erased once sent
 */
public record Notification(Channel channel, String recipient, String caseRef, String subjectKey, String bodyKey,
                           List<Object> arguments, Locale locale, boolean sensitive) {

    public Notification {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(bodyKey, "bodyKey");
        if (recipient == null || recipient.isBlank()) {
            throw new IllegalArgumentException("A notification needs a recipient");
        }
        if ((channel == Channel.MAIL) != (subjectKey != null)) {
            throw new IllegalArgumentException("A mail needs a subject key, an SMS has none");
        }
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
        locale = locale == null ? Languages.DEFAULT : locale;
    }

    public static Notification sms(String mobile, String caseRef, String bodyKey, Locale locale, boolean sensitive,
                                   Object... arguments) {
        return new Notification(Channel.SMS, mobile, caseRef, null, bodyKey, List.of(arguments), locale, sensitive);
    }

    public static Notification mail(String address, String caseRef, String subjectKey, String bodyKey, Locale locale,
                                    boolean sensitive, Object... arguments) {
        return new Notification(Channel.MAIL, address, caseRef, subjectKey, bodyKey, List.of(arguments), locale, sensitive);
    }

    /** Never the recipient in full nor the arguments (an access code may be one of them). */
    @Override
    public String toString() {
        return "Notification[" + channel + " " + Recipients.mask(channel, recipient) + " case=" + caseRef + " key=" + bodyKey + "]";
    }
}
