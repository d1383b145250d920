package org.reviewdesk.hotline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Words that mean the same to the knowledge-base search, from a file operators can replace
 * ({@code reviewdesk.hotline.knowledge.synonyms}): one group a line, members separated by
 * {@code =}, {@code #} starts a comment. Callers say 法人 and 联系不上 where the FAQ writes
 * 法定代表人 and 无法联系, so both the FAQ and the query have every member replaced by the
 * group's first one before they are compared. Members are compared folded ({@link SearchText}).
 */
final class Synonyms {

    /** Folded member to its group's canonical (first) member. */
    private final Map<String, String> canonical;
    /** Members by their first char, longest first, so 手机号码 wins over 手机 at the same place. */
    private final Map<Character, List<String>> byFirstChar = new HashMap<>();
    private final Map<String, List<String>> groups = new HashMap<>();

    private Synonyms(Map<String, String> canonical) {
        this.canonical = Map.copyOf(canonical);
        canonical.keySet().forEach(member -> byFirstChar.computeIfAbsent(member.charAt(0), c -> new ArrayList<>()).add(member));
        byFirstChar.values().forEach(members -> members.sort(Comparator.comparingInt(String::length).reversed()));
        canonical.forEach((member, first) -> groups.computeIfAbsent(first, f -> new ArrayList<>()).add(member));
    }

    /**
     * Reads the groups; a line the search could not use (one member, a member that folds to nothing,
     * a member in two groups) fails with its line number, so a wrong file stops the start, not the search.
     */
    static Synonyms parse(String text, String source) {
        Map<String, String> canonical = new HashMap<>();
        String[] lines = text.split("\\R", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            Set<String> members = new LinkedHashSet<>();
            for (String word : line.replace('＝', '=').split("=", -1)) {
                String folded = SearchText.fold(word);
                if (folded.isEmpty()) {
                    throw invalid(source, n, "an empty member");
                }
                members.add(folded);
            }
            if (members.size() < 2) {
                throw invalid(source, n, "a group needs at least two different words");
            }
            String first = members.iterator().next();
            for (String member : members) {
                String earlier = canonical.putIfAbsent(member, first);
                if (earlier != null) {
                    throw invalid(source, n, "'" + member + "' is already in the group of '" + earlier + "'");
                }
            }
        }
        return new Synonyms(canonical);
    }

    private static IllegalStateException invalid(String source, int index, String problem) {
        return new IllegalStateException("Knowledge-base synonyms " + source + ", line " + (index + 1) + ": " + problem);
    }

    /** The folded text with each member replaced by its group's first member. */
    String canonical(String folded) {
        return pieces(folded).stream().map(piece -> canonical.getOrDefault(piece, piece)).collect(Collectors.joining());
    }

    /**
     * The folded text cut into members and the text between them, in order: the longest member wins
     * at a place, and the text is read left to right.
     */
    List<String> pieces(String folded) {
        List<String> pieces = new ArrayList<>();
        int rest = 0;
        for (int i = 0; i < folded.length(); ) {
            String member = memberAt(folded, i);
            if (member == null) {
                i++;
                continue;
            }
            if (rest < i) {
                pieces.add(folded.substring(rest, i));
            }
            pieces.add(member);
            i += member.length();
            rest = i;
        }
        if (rest < folded.length()) {
            pieces.add(folded.substring(rest));
        }
        return pieces;
    }

    /** Every member of the piece's group (the piece itself among them); none when the piece is no member. */
    List<String> group(String piece) {
        String first = canonical.get(piece);
        return first == null ? List.of() : groups.get(first);
    }

    private String memberAt(String text, int at) {
        for (String member : byFirstChar.getOrDefault(text.charAt(at), List.of())) {
            if (text.startsWith(member, at)) {
                return member;
            }
        }
        return null;
    }
}
