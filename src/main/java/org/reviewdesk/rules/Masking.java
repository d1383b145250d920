package org.reviewdesk.rules;

/**
 * Personal data as lists and screens show it by default; the full value is shown only as an
 * audited act. Every method takes null or blank and returns "" for it, so views need no checks.
 */
public final class Masking {

    private static final char MASK = '*';

    private Masking() {
    }

    /** {@code 13812345678} -> {@code 138****5678}; a +86 prefix, spaces and hyphens are dropped first. */
    public static String mobile(String mobile) {
        if (isBlank(mobile)) {
            return "";
        }
        String number = MobileNumberValidator.check(mobile) instanceof MobileCheck.Accepted accepted
                ? accepted.normalised()
                : Inputs.compact(mobile);
        return keepEnds(number, 3, 4);
    }

    /** Every character but the first and the last, length kept: {@code 1****************X}. */
    public static String idNumber(String idNumber) {
        if (isBlank(idNumber)) {
            return "";
        }
        return keepEnds(Inputs.compact(idNumber), 1, 1);
    }

    /**
     * The first character and a star for each other one ({@code 张*}, {@code 张**}); a Latin-script
     * name keeps its first letter and three stars, whatever its length ({@code J***}), since its
     * spaces and length would say more than a Chinese name's.
     */
    public static String personName(String name) {
        if (isBlank(name)) {
            return "";
        }
        String trimmed = name.strip();
        int first = trimmed.codePointAt(0);
        int length = Inputs.length(trimmed);
        if (length == 1) {
            return String.valueOf(MASK);
        }
        String kept = new String(Character.toChars(first));
        if (Character.UnicodeScript.of(first) == Character.UnicodeScript.LATIN) {
            return kept + "***";
        }
        return kept + String.valueOf(MASK).repeat(length - 1);
    }

    /** Too short to keep both ends without giving the value away: all masked. */
    private static String keepEnds(String value, int head, int tail) {
        int length = Inputs.length(value);
        if (length <= head + tail) {
            return String.valueOf(MASK).repeat(length);
        }
        int headEnd = value.offsetByCodePoints(0, head);
        int tailStart = value.offsetByCodePoints(0, length - tail);
        return value.substring(0, headEnd) + String.valueOf(MASK).repeat(length - head - tail) + value.substring(tailStart);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
