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
    private final List<Terms> questions = new ArrayList<>();
    private final List<Terms> answers = new ArrayList<>();
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final double averageQuestion;
    private final double averageAnswer;

    KnowledgeIndex(List<KnowledgeEntry> entries, Synonyms synonyms) {
        this.entries = List.copyOf(entries);
        this.synonyms = synonyms;
        for (KnowledgeEntry entry : entries) {
            Terms question = Terms.of(terms(entry.question()));
            Terms answer = Terms.of(terms(entry.answerText()));
            questions.add(question);
            answers.add(answer);
            Set<String> inEntry = new LinkedHashSet<>(question.counts().keySet());
            inEntry.addAll(answer.counts().keySet());
            inEntry.forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
        }
        averageQuestion = questions.stream().mapToInt(Terms::length).average().orElse(1);
        averageAnswer = answers.stream().mapToInt(Terms::length).average().orElse(1);
    }

    /** The entries that answer the query, best first; equal scores keep the FAQ's order. */
    List<KnowledgeEntry> search(String query) {
        Set<String> queryTerms = new LinkedHashSet<>(terms(query));
        double weight = queryTerms.stream().mapToDouble(this::idf).sum();
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            double score = 0;
            double matched = 0;
            for (String term : queryTerms) {
                int inQuestion = questions.get(i).count(term);
                int inAnswer = answers.get(i).count(term);
                if (inQuestion + inAnswer > 0) {
                    double idf = idf(term);
                    matched += idf;
                    score += idf * (QUESTION_BOOST * saturated(inQuestion, questions.get(i).length(), averageQuestion)
                            + saturated(inAnswer, answers.get(i).length(), averageAnswer));
                }
            }
            if (weight > 0 && matched / weight >= MIN_COVERAGE) {
                scored.add(new Scored(entries.get(i), score));
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

    /** Rarity across entries (BM25's, never negative): a term no entry has weighs most. */
    private double idf(String term) {
        int df = documentFrequency.getOrDefault(term, 0);
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

    private record Scored(KnowledgeEntry entry, double score) {
    }
}
