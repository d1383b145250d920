package org.reviewdesk.hotline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The answers a hotline agent reads out to a caller: the portal's public FAQ, shipped with the
 * application and read once at start-up. It never changes while the application runs, so it
 * needs no database; a new FAQ is a new release.
 */
@Service
public class KnowledgeBase {

    static final String SOURCE = "knowledge/sichuan-portal-faq.zh.txt";

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);

    private final List<KnowledgeEntry> entries;
    private final Map<String, KnowledgeEntry> byId;
    private final List<Indexed> index;

    /** The shipped FAQ; a missing or unreadable file fails the start rather than leave agents without answers. */
    public KnowledgeBase() {
        this(FaqParser.parse(read(SOURCE)));
        log.info("Knowledge base: {} entries from {}", entries.size(), SOURCE);
    }

    KnowledgeBase(List<KnowledgeEntry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalStateException("The knowledge base has no entries");
        }
        entries.stream().filter(e -> e.answerParagraphs().isEmpty()).findFirst().ifPresent(e -> {
            throw new IllegalStateException("Knowledge-base entry " + e.id() + " has no answer");
        });
        this.entries = List.copyOf(entries);
        this.byId = this.entries.stream().collect(Collectors.toUnmodifiableMap(KnowledgeEntry::id, Function.identity()));
        this.index = this.entries.stream()
                .map(e -> new Indexed(e, SearchText.of(e.question()), SearchText.of(e.answerText())))
                .toList();
    }

    /** Every entry, in the order of the FAQ. */
    public List<KnowledgeEntry> all() {
        return entries;
    }

    public Optional<KnowledgeEntry> find(String id) {
        return Optional.ofNullable(id).map(byId::get);
    }

    /**
     * The entries that contain every whitespace-separated term of the query, in the question or
     * the answer, ignoring case, width, spaces and punctuation. Entries with more terms in the
     * question come first, then the FAQ's order. A blank query gives every entry.
     */
    public List<KnowledgeEntry> search(String query) {
        List<String> terms = SearchText.terms(query);
        if (terms.isEmpty()) {
            return entries;
        }
        // a stable sort: equal ranks keep the FAQ's order
        return index.stream()
                .filter(i -> terms.stream().allMatch(t -> i.question().contains(t) || i.answer().contains(t)))
                .sorted(Comparator.comparingLong((Indexed i) -> i.termsInQuestion(terms)).reversed())
                .map(Indexed::entry)
                .toList();
    }

    private record Indexed(KnowledgeEntry entry, SearchText question, SearchText answer) {
        long termsInQuestion(List<String> terms) {
            return terms.stream().filter(question::contains).count();
        }
    }

    private static String read(String resource) {
        try (InputStream in = KnowledgeBase.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Knowledge-base file missing from the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the knowledge-base file " + resource, e);
        }
    }
}
