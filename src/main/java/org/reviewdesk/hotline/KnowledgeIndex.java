package org.reviewdesk.hotline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The knowledge base's ranked search: Chinese has no spaces between words, and callers say the
 * FAQ's words in other orders and forms (法人联系不上 for 法定代表人无法联系), so texts are cut into
 * overlapping pairs of Chinese characters (bigrams; a run of Latin letters or digits stays one term)
 * after {@link Synonyms} made the words the same, and scored with BM25 over the question and the
 * answer, a match in the question counting {@value #QUESTION_BOOST} times. A segmenter would need a
 * dictionary of the portal's words; bigrams need none and are enough for a few hundred entries.
 *
 * <p>An entry is an answer only when its terms cover enough of the query's weight (each term weighs
 * its rarity; a term the FAQ never uses weighs as the rarest), so a query about something else that
 * shares a common word (怎么, 注册) finds nothing rather than noise; and only when it scores near the
 * best, so the agent reads a few answers, not the whole FAQ.
 */
final class KnowledgeIndex {

    static final double QUESTION_BOOST = 2.5;
    /**
     * Share of the query's weight an entry must match. Tuned on KnowledgeSearchTest: its callers' phrasings
     * cover 0.21 or more of their answer, questions the FAQ does not cover 0.09 at most.
     */
    static final double MIN_COVERAGE = 0.2;
    /** Share of the best score an entry needs to be listed after it. */
    static final double MIN_SHARE_OF_BEST = 0.25;
    private static final double K1 = 1.2;
    private static final double B = 0.75;

    private final List<KnowledgeEntry> entries;
    private final Synonyms synonyms;
    /** For each term, the entries that have it and how often, in the FAQ's order. */
    private final Map<String, List<Posting>> postings = new HashMap<>();

    KnowledgeIndex(List<KnowledgeEntry> entries, Synonyms synonyms) {
        this.entries = List.copyOf(entries);
        this.synonyms = synonyms;
        List<Terms> questions = entries.stream().map(e -> Terms.of(terms(e.question()))).toList();
        List<Terms> answers = entries.stream().map(e -> Terms.of(terms(e.answerText()))).toList();
        double averageQuestion = questions.stream().mapToInt(Terms::length).average().orElse(1);
        double averageAnswer = answers.stream().mapToInt(Terms::length).average().orElse(1);
        for (int i = 0; i < entries.size(); i++) {
            Terms question = questions.get(i);
            Terms answer = answers.get(i);
            Set<String> inEntry = new LinkedHashSet<>(question.counts().keySet());
            inEntry.addAll(answer.counts().keySet());
            for (String term : inEntry) {
                double weight = QUESTION_BOOST * saturated(question.count(term), question.length(), averageQuestion)
                        + saturated(answer.count(term), answer.length(), averageAnswer);
                postings.computeIfAbsent(term, t -> new ArrayList<>()).add(new Posting(i, weight));
            }
        }
    }

    /** The entries that answer the query, best first; equal scores keep the FAQ's order. */
    List<KnowledgeEntry> search(String query) {
        double[] score = new double[entries.size()];
        double[] matched = new double[entries.size()];
        double weight = 0;
        for (String term : new LinkedHashSet<>(terms(query))) {
            List<Posting> found = postings.getOrDefault(term, List.of());
            double idf = idf(found.size());
            weight += idf;
            for (Posting posting : found) {
                matched[posting.entry()] += idf;
                score[posting.entry()] += idf * posting.weight();
            }
        }
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (weight > 0 && matched[i] / weight >= MIN_COVERAGE) {
                scored.add(new Scored(entries.get(i), score[i]));
            }
        }
        double best = scored.stream().mapToDouble(Scored::score).max().orElse(0);
        // a stable sort: equal scores keep the FAQ's order
        return scored.stream()
                .filter(s -> s.score() >= best * MIN_SHARE_OF_BEST)
                .sorted(Comparator.comparingDouble(Scored::score).reversed())
                .map(Scored::entry)
                .toList();
    }

    /**
     * What to mark in an answer for the query: every member of the synonym groups it uses (无法联系 for
     * 联系不上), and the terms of its other words as typed (folded).
     */
    List<String> marks(String query) {
        List<String> marks = new ArrayList<>();
        for (String piece : synonyms.pieces(SearchText.fold(query == null ? "" : query))) {
            List<String> group = synonyms.group(piece);
            marks.addAll(group.isEmpty() ? split(piece) : group);
        }
        return marks.stream().distinct().toList();
    }

    private List<String> terms(String text) {
        return split(synonyms.canonical(SearchText.fold(text == null ? "" : text)));
    }

    /** Bigrams of each run of Chinese characters (a lone character stays itself); other runs of letters or digits whole. */
    static List<String> split(String folded) {
        List<String> terms = new ArrayList<>();
        int runStart = 0;
        for (int i = 0; i <= folded.length(); i++) {
            boolean boundary = i == folded.length() || i > runStart && isHan(folded.charAt(i)) != isHan(folded.charAt(runStart));
            if (!boundary) {
                continue;
            }
            String run = folded.substring(runStart, i);
            if (!run.isEmpty()) {
                if (isHan(run.charAt(0)) && run.length() > 1) {
                    for (int j = 0; j + 2 <= run.length(); j++) {
                        terms.add(run.substring(j, j + 2));
                    }
                } else {
                    terms.add(run);
                }
            }
            runStart = i;
        }
        return terms;
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** Rarity across entries (BM25's, never negative) of a term in {@code df} entries: a term no entry has weighs most. */
    private double idf(int df) {
        return Math.log(1 + (entries.size() - df + 0.5) / (df + 0.5));
    }

    private static double saturated(int count, int length, double averageLength) {
        return count == 0 ? 0 : count * (K1 + 1) / (count + K1 * (1 - B + B * length / averageLength));
    }

    private record Terms(Map<String, Integer> counts, int length) {

        static Terms of(List<String> terms) {
            Map<String, Integer> counts = new HashMap<>();
            terms.forEach(t -> counts.merge(t, 1, Integer::sum));
            return new Terms(Map.copyOf(counts), terms.size());
        }

        int count(String term) {
            return counts.getOrDefault(term, 0);
        }
    }

    /** An entry that has a term, and the term's BM25 weight there before its rarity: question and answer together. */
    private record Posting(int entry, double weight) {
    }

    private record Scored(KnowledgeEntry entry, double score) {
    }
}
