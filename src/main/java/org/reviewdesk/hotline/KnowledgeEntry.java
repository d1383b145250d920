package org.reviewdesk.hotline;

import java.util.List;
import java.util.Objects;

/**
 * One question of the knowledge base and the answer an agent reads out. The {@code id}
 * ({@code faq-07}) follows the question's number in the published FAQ and is what a work order
 * cites, so it stays the same as long as the FAQ keeps its numbering.
 */
public record KnowledgeEntry(String id, int number, String question, List<String> answerParagraphs,
                             KnowledgeCategory category) {

    public KnowledgeEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(category, "category");
        answerParagraphs = List.copyOf(answerParagraphs);
    }

    static String idFor(int number) {
        return "faq-%02d".formatted(number);
    }

    /** The whole answer as one text, one paragraph a line: for quoting it in a reply. */
    public String answerText() {
        return String.join("\n", answerParagraphs);
    }
}
