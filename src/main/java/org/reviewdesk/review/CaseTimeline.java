package org.reviewdesk.review;

import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.reviewdesk.platform.BusinessTime;

/**
 * A case's timeline, newest first: when, what happened, by whom (staff timelines), the act's own words,
 * and a decision's verdict per document. One component for the staff workbench and the applicant's
 * status page of every process; each page styles it under its own CSS block ({@code <block>__time},
 * {@code __event}, {@code __actor}, {@code __detail}, {@code __verdict}).
 */
public class CaseTimeline extends OrderedList {

    /** How every process records an automated step's actor, and an applicant's: {@code applicant:<case number>}. */
    private static final String SYSTEM = "system";
    private static final String APPLICANT_PREFIX = "applicant:";

    /**
     * One event.
     *
     * @param eventKey the bundle key of what happened
     * @param actor who did it as recorded (a username, {@code system}, {@code applicant:<number>}); null to
     *     show nobody (the applicant's page)
     * @param detail the act's own words (a reason, a note), or null
     * @param verdicts a decision's verdicts per document, or empty
     */
    public record Entry(OffsetDateTime at, String eventKey, String actor, String detail, List<DocumentVerdict> verdicts) {

        public Entry {
            verdicts = verdicts == null ? List.of() : List.copyOf(verdicts);
        }
    }

    /**
     * @param block the CSS block of the page, e.g. {@code workbench-timeline}
     * @param slotNameKey the bundle key of a document slot's name, for the verdict lines
     */
    public CaseTimeline(String block, List<Entry> entries, BusinessTime time, UnaryOperator<String> slotNameKey) {
        this(block, entries, time, slotNameKey, Map.of());
    }

    /**
     * A staff timeline: colleagues by their names ({@link ColleagueNames}), the username on hover.
     *
     * @param staffNames display names by username
     */
    public CaseTimeline(String block, List<Entry> entries, BusinessTime time, UnaryOperator<String> slotNameKey,
                        Map<String, String> staffNames) {
        addClassName(block);
        entries.stream().sorted(Comparator.comparing(Entry::at).reversed()).forEach(entry -> {
            ListItem item = new ListItem(span(block + "__time", time.minute(entry.at())),
                    span(block + "__event", getTranslation(entry.eventKey())));
            if (entry.actor() != null) {
                item.add(actor(block, entry.actor(), staffNames));
            }
            if (entry.detail() != null && !entry.detail().isBlank()) {
                item.add(span(block + "__detail", entry.detail()));
            }
            entry.verdicts().forEach(v -> {
                Span verdict = span(block + "__verdict", getTranslation("review.timeline.verdict",
                        getTranslation(slotNameKey.apply(v.slot())), getTranslation(v.kind().messageKey()),
                        v.reason() == null ? "" : v.reason()));
                verdict.addClassName(block + (v.newVersionNeeded() ? "__verdict--needed" : "__verdict--accepted"));
                item.add(verdict);
            });
            add(item);
        });
    }

    private Span actor(String block, String actor, Map<String, String> staffNames) {
        if (actor.isBlank() || SYSTEM.equals(actor)) {
            return span(block + "__actor", getTranslation("review.timeline.actor.system"));
        }
        if (actor.startsWith(APPLICANT_PREFIX)) {
            return span(block + "__actor", getTranslation("review.timeline.actor.applicant"));
        }
        Span colleague = span(block + "__actor", staffNames.getOrDefault(actor, actor));
        colleague.setTitle(actor);
        return colleague;
    }

    private static Span span(String className, String text) {
        Span span = new Span(text);
        span.addClassName(className);
        return span;
    }
}
