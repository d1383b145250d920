package org.reviewdesk.rules;

import java.util.Locale;

/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015).
 *
 * <p>Lower-case letters are accepted and upper-cased: the code's alphabet has no lower-case
 * letters, so nothing can be misread, and refusing would only send people back to retype.
 * (Personal ID numbers differ: there the portal asks for an upper-case X, see
 * {@link IdNumberValidator}.)
 */
public final class UsccValidator {

    public static final int LENGTH = 18;

    /** Digits and upper-case letters without I, O, S, V, Z; a character's value is its index. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private UsccValidator() {
    }

    public static UsccCheck check(String input) {
        String code = Inputs.compact(input).toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            return refused(code, UsccRefusalReason.EMPTY);
        }
        int length = Inputs.length(code);
        if (length != LENGTH) {
            return refused(code, UsccRefusalReason.WRONG_LENGTH, length);
        }
        var bad = Inputs.firstBadCharacter(code, c -> c < 128 && ALPHABET.indexOf(c) >= 0);
        if (bad.isPresent()) {
            return refused(code, UsccRefusalReason.INVALID_CHARACTER, bad.get().position(), bad.get().character());
        }
        char expected = checkCharacter(code);
        UsccOutcome outcome = code.charAt(17) == expected ? UsccOutcome.VALID : UsccOutcome.CHECK_CHARACTER_MISMATCH;
        return new UsccCheck.Accepted(code, outcome, LegalPersonType.ofCode(code), code.substring(2, 8), expected);
    }

    /** The check character for the first 17 characters of {@code code}, which must be in the alphabet. */
    static char checkCharacter(String code) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    private static UsccCheck refused(String code, UsccRefusalReason reason, Object... arguments) {
        return new UsccCheck.Refused(code, reason, RuleMessage.of(reason.messageKey(), arguments));
    }
}
