package org.reviewdesk.hotline;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Text as the knowledge-base search compares it. Callers' wording and the FAQ's typography
 * differ (full- and half-width forms, ”“ used either way round, ? and ？, stray spaces), so
 * both sides are folded the same way: NFKC, lower case, and no whitespace or punctuation.
 * The search itself cuts the folded text into terms ({@link KnowledgeIndex}); this class also
 * finds a match back in the original text, for highlighting.
 */
final class SearchText {

    /** The folded text, and for each of its chars the index of the original char it came from. */
    private final String original;
    private final String folded;
    private final int[] origin;

    private SearchText(String original, String folded, int[] origin) {
        this.original = original;
        this.folded = folded;
        this.origin = origin;
    }

    static SearchText of(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int[] origin = new int[text.length() * 2 + 4];
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            String folded = Normalizer.normalize(new String(Character.toChars(codePoint)), Normalizer.Form.NFKC)
                    .toLowerCase(Locale.ROOT);
            for (int j = 0; j < folded.length(); j++) {
                char c = folded.charAt(j);
                if (isIgnored(c)) {
                    continue;
                }
                if (count == origin.length) {
                    origin = Arrays.copyOf(origin, origin.length * 2);
                }
                out.append(c);
                origin[count++] = i;
            }
            i += Character.charCount(codePoint);
        }
        return new SearchText(text, out.toString(), Arrays.copyOf(origin, count));
    }

    /** The text folded as the search compares it. */
    static String fold(String text) {
        return of(text).folded;
    }

    /**
     * Where the terms occur in the original text, as [start, end) ranges sorted and merged, for
     * highlighting. A match that spans skipped punctuation covers it too.
     */
    List<Range> ranges(List<String> foldedTerms) {
        List<Range> found = new ArrayList<>();
        for (String term : foldedTerms) {
            for (int at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + 1)) {
                int lastOrigin = origin[at + term.length() - 1];
                found.add(new Range(origin[at], lastOrigin + Character.charCount(original.codePointAt(lastOrigin))));
            }
        }
        found.sort(Comparator.comparingInt(Range::start));
        List<Range> merged = new ArrayList<>();
        for (Range r : found) {
            Range previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (previous != null && r.start() <= previous.end()) {
                merged.set(merged.size() - 1, new Range(previous.start(), Math.max(previous.end(), r.end())));
            } else {
                merged.add(r);
            }
        }
        return merged;
    }

    private static boolean isIgnored(char c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.FORMAT -> true;
            default -> false;
        };
    }

    /** A half-open range [start, end) of chars in the original text. */
    record Range(int start, int end) {
    }
}
