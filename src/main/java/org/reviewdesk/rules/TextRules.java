package org.reviewdesk.rules;

/**
 * What every free text a person types (names above all, shown to reviewers beside documents) may
 * not contain: control characters and invisible formatting characters. A right-to-left override
 * (U+202E) makes "公司有限" display reversed, a zero-width space makes two names look equal that
 * are not; the file-name sanitiser strips the same characters (documents' DisplayNames).
 */
public final class TextRules {

    private TextRules() {
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
