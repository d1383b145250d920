package org.reviewdesk.hotline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;

/**
 * The answers a hotline agent reads out to a caller: the portal's public FAQ, shipped with the
 * application and read once at start-up with the synonyms the search uses. It never changes while
 * the application runs, so it needs no database and its index is the same on every node; a new FAQ
 * is a new release, new synonyms a restart.
 */
@Service
public class KnowledgeBase {

    static final String SOURCE = "knowledge/sichuan-portal-faq.zh.txt";
    static final String SYNONYMS = "classpath:knowledge/synonyms.txt";

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);

    private final List<KnowledgeEntry> entries;
    private final Map<String, KnowledgeEntry> byId;
    private final KnowledgeIndex index;

    /**
     * The shipped FAQ with the configured synonyms; a missing or unreadable file fails the start rather
     * than leave agents without answers.
     */
    @Autowired
    KnowledgeBase(KnowledgeProperties properties) {
        this(FaqParser.parse(read(new ClassPathResource(SOURCE))), synonyms(properties.synonyms()));
        log.info("Knowledge base: {} entries from {}, synonyms from {}", entries.size(), SOURCE, properties.synonyms());
    }

    /** The shipped FAQ and synonyms. */
    public KnowledgeBase() {
        this(new KnowledgeProperties(new DefaultResourceLoader().getResource(SYNONYMS)));
    }

    KnowledgeBase(List<KnowledgeEntry> entries, Synonyms synonyms) {
        if (entries.isEmpty()) {
            throw new IllegalStateException("The knowledge base has no entries");
        }
        entries.stream().filter(e -> e.answerParagraphs().isEmpty()).findFirst().ifPresent(e -> {
            throw new IllegalStateException("Knowledge-base entry " + e.id() + " has no answer");
        });
        this.entries = List.copyOf(entries);
        this.byId = this.entries.stream().collect(Collectors.toUnmodifiableMap(KnowledgeEntry::id, Function.identity()));
        this.index = new KnowledgeIndex(this.entries, synonyms);
    }

    /** Every entry, in the order of the FAQ. */
    public List<KnowledgeEntry> all() {
        return entries;
    }

    public Optional<KnowledgeEntry> find(String id) {
        return Optional.ofNullable(id).map(byId::get);
    }

    /**
     * The entries that answer the query, best first ({@link KnowledgeIndex}): ignoring case, width,
     * spaces, punctuation and the order of words, with the configured synonyms. None when the query is
     * about something the FAQ does not cover; a blank query gives every entry in the FAQ's order.
     */
    public List<KnowledgeEntry> search(String query) {
        return query == null || SearchText.fold(query).isEmpty() ? entries : index.search(query);
    }

    /** The words to mark in the answers found for the query: its own, and the synonyms of those. */
    List<String> marks(String query) {
        return index.marks(query);
    }

    private static Synonyms synonyms(Resource resource) {
        return Synonyms.parse(read(resource), resource.getDescription());
    }

    private static String read(Resource resource) {
        if (!resource.exists()) {
            throw new IllegalStateException("Knowledge-base file missing: " + resource.getDescription());
        }
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the knowledge-base file " + resource.getDescription(), e);
        }
    }
}
