package org.reviewdesk.rules;

import java.util.regex.Pattern;

/**
 * Mainland China mobile numbers: 11 digits, {@code 1[3-9]xxxxxxxxx}. A {@code +86} or {@code 86}
 * country code, spaces and hyphens are dropped (people write 138-1234-5678 and +86 138 1234 5678);
 * anything else is refused with a reason.
 */
public final class MobileNumberValidator {

    public static final int LENGTH = 11;

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private MobileNumberValidator() {
    }

    public static MobileCheck check(String input) {
        String number = Inputs.compact(input).replace("-", "");
        if (number.isEmpty()) {
            return refused(MobileRefusalReason.EMPTY);
        }
        if (number.startsWith("+86")) {
            number = number.substring(3);
        } else if (number.startsWith("+")) {
            return refused(MobileRefusalReason.NOT_MAINLAND);
        } else if (number.startsWith("86") && number.length() == LENGTH + 2) {
            number = number.substring(2);
        }
        var bad = Inputs.firstBadCharacter(number, c -> c >= '0' && c <= '9');
        if (bad.isPresent()) {
            return refused(MobileRefusalReason.INVALID_CHARACTER, bad.get().character());
        }
        if (number.length() != LENGTH) {
            return refused(MobileRefusalReason.WRONG_LENGTH, number.length());
        }
        if (!MOBILE.matcher(number).matches()) {
            return refused(MobileRefusalReason.NOT_A_MOBILE_NUMBER);
        }
        return new MobileCheck.Accepted(number);
    }

    private static MobileCheck refused(MobileRefusalReason reason, Object... arguments) {
        return new MobileCheck.Refused(reason, RuleMessage.of(reason.messageKey(), arguments));
    }
}
