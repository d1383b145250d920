package org.reviewdesk.rules;

/**
 * What every free text a person types (names above all, shown to reviewers beside documents) may
 * not contain: control characters and invisible formatting characters. A right-to-left override
 * (U+202E) makes "公司有限" display reversed, a zero-width space makes two names look equal that
 * are not; the file-name sanitiser strips the same characters (documents' DisplayNames).
 */
public final class TextRules {

    /** The refusal of a text with hidden characters, for the fields that have no message of their own. */
    public static final String HIDDEN = "rules.text.hidden";

    private TextRules() {
    }

    /**
     * {@link #hasHiddenCharacters} for a text of several lines (a reason, a reply, a comment): line
     * breaks and tabs are what such a text is made of, every other hidden character is refused.
     */
    public static boolean hasHiddenCharactersInLines(String text) {
        return text != null && text.codePoints().anyMatch(c -> c != '\n' && c != '\r' && c != '\t' && hidden(c));
    }

    /** Controls (Cc), formatting (Cf: bidirectional marks and overrides, zero-width, BOM) and line/paragraph separators. */
    public static boolean hasHiddenCharacters(String text) {
        return text != null && text.codePoints().anyMatch(TextRules::hidden);
    }

    private static boolean hidden(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
