package org.reviewdesk.notifications;

import org.reviewdesk.rules.Masking;
import org.reviewdesk.rules.MobileCheck;
import org.reviewdesk.rules.MobileNumberValidator;

/** Recipients as stored (normalised) and as shown or logged (masked). */
final class Recipients {

    private Recipients() {
    }

    /**
     * The number as the gateway wants it (11 digits) or the address trimmed. A recipient the caller
     * should have validated already is a programming error, refused before anything is written.
     */
    static String normalise(Channel channel, String recipient) {
        if (channel == Channel.SMS) {
            if (MobileNumberValidator.check(recipient) instanceof MobileCheck.Accepted accepted) {
                return accepted.normalised();
            }
            throw new IllegalArgumentException("Not a mobile number: " + mask(channel, recipient));
        }
        String address = recipient.strip();
        int at = address.indexOf('@');
        if (at < 1 || at != address.lastIndexOf('@') || at == address.length() - 1 || address.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("Not a mail address: " + mask(channel, address));
        }
        return address;
    }

    /** {@code 138****5678}; {@code a***@example.com} (the domain says little, the local part a lot). */
    static String mask(Channel channel, String recipient) {
        if (recipient == null || recipient.isBlank()) {
            return "";
        }
        if (channel == Channel.SMS) {
            return Masking.mobile(recipient);
        }
        String address = recipient.strip();
        int at = address.lastIndexOf('@');
        if (at < 1) {
            return "***";
        }
        return address.substring(0, address.offsetByCodePoints(0, 1)) + "***" + address.substring(at);
    }

    /**
     * A failure's description fit for the log and the database: libraries quote the recipient
     * (an SMTP refusal names the address), so it is masked, and the text cut to the column.
     */
    static String scrub(String reason, Channel channel, String recipient, int maxLength) {
        String text = reason == null ? "" : reason;
        if (recipient != null && !recipient.isBlank()) {
            text = text.replace(recipient, mask(channel, recipient));
        }
        return text.length() <= maxLength ? text : text.substring(0, maxLength);
    }
}
