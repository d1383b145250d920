package org.reviewdesk.documents.intake;

import java.text.Normalizer;
import java.util.Locale;
import org.springframework.modulith.NamedInterface;

/**
 * Whether a document's text layer shows the credit code and the name the applicant typed, so the
 * reviewer sees at once a licence that belongs to someone else. Both sides are compared after
 * normalising: compatibility forms folded (full-width digits, letters and brackets to their ASCII
 * forms), every space, line break and invisible character removed (a name or code may be broken
 * over lines, or spaced out in a table), and letters in upper case (credit codes are upper case).
 *
 * <p>The text itself was extracted once, when the upload was inspected (bounded by the inspection's
 * page, size and time limits, see {@code documents.inspection}), and is stored with the version's
 * row in the database, which every node shares: checking it again costs a string search, never a
 * read from the store or a parse of the file.
 *
 * @param textLayer whether the document has any text at all; false for images and scanned PDFs
 *     (then nothing can be found and the reviewer must read the pages)
 */
@NamedInterface("intake")
public record TextCrossCheck(boolean textLayer, boolean codeFound, boolean nameFound) {

    static final TextCrossCheck NO_TEXT_LAYER = new TextCrossCheck(false, false, false);

    static TextCrossCheck of(String text, String code, String name) {
        String haystack = normalise(text);
        if (haystack.isEmpty()) {
            return NO_TEXT_LAYER;
        }
        return new TextCrossCheck(true, contains(haystack, code), contains(haystack, name));
    }

    private static boolean contains(String haystack, String wanted) {
        String needle = normalise(wanted);
        return !needle.isEmpty() && haystack.contains(needle);
    }

    static String normalise(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder kept = new StringBuilder(folded.length());
        folded.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && !Character.isISOControl(c)
                        && Character.getType(c) != Character.FORMAT)
                .forEach(kept::appendCodePoint);
        return kept.toString().toUpperCase(Locale.ROOT);
    }
}
