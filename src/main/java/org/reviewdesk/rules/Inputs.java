package org.reviewdesk.rules;

import java.text.Normalizer;
import java.util.Optional;
import java.util.function.IntPredicate;

/** What every code validator forgives before it judges. */
final class Inputs {

    private Inputs() {
    }

    /**
     * Chinese input methods produce full-width digits and letters (NFKC folds them to ASCII), and
     * people paste codes with spaces from documents: neither is a mistake worth refusing.
     */
    static String compact(String input) {
        if (input == null) {
            return "";
        }
        StringBuilder compact = new StringBuilder(input.length());
        Normalizer.normalize(input, Normalizer.Form.NFKC).codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(compact::appendCodePoint);
        return compact.toString();
    }

    static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    /** The first code point that fails, with its 1-based position, for messages that point at it. */
    static Optional<BadCharacter> firstBadCharacter(String value, IntPredicate allowed) {
        int position = 0;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            position++;
            if (!allowed.test(c)) {
                return Optional.of(new BadCharacter(position, new String(Character.toChars(c))));
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    record BadCharacter(int position, String character) {
    }
}
