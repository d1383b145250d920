package org.reviewdesk.review;

import org.reviewdesk.rules.TextRules;
import java.util.List;

/**
 * A reviewer's outcome of a review task, with a verdict per document slot the reviewer judged; any
 * process whose review decides on documents uses it. The process's service checks the rules (for
 * registration: approval only while no slot needs a new version; a request for documents names at
 * least one such slot, each with its reason).
 */
public sealed interface ReviewDecision {

    List<DocumentVerdict> verdicts();

    /**
     * Whether a text of the decision (comment, rejection text, note, a verdict's reason) has hidden
     * characters ({@link TextRules}): the texts reach the applicant and the case's history, where a
     * direction override or a zero-width character would show something other than was typed. Every
     * process's service refuses such a decision with {@link TextRules#HIDDEN}.
     */
    default boolean hasHiddenCharacters() {
        String text = this instanceof Approve a ? a.comment()
                : this instanceof Reject r ? r.text()
                : ((RequestDocuments) this).note();
        return TextRules.hasHiddenCharactersInLines(text)
                || verdicts().stream().anyMatch(v -> v != null && TextRules.hasHiddenCharactersInLines(v.reason()));
    }

    record Approve(String comment, List<DocumentVerdict> verdicts) implements ReviewDecision {
        public Approve {
            verdicts = List.copyOf(verdicts);
        }

        /** An approval without verdicts on single documents. */
        public Approve(String comment) {
            this(comment, List.of());
        }
    }

    /**
     * @param reasonCodes codes of the process's active rejection reasons; {@code text} is required
     *     with a reason that asks for it (OTHER)
     */
    record Reject(List<String> reasonCodes, String text, List<DocumentVerdict> verdicts) implements ReviewDecision {
        public Reject {
            reasonCodes = List.copyOf(reasonCodes);
            verdicts = List.copyOf(verdicts);
        }

        /** A rejection without verdicts on single documents. */
        public Reject(List<String> reasonCodes, String text) {
            this(reasonCodes, text, List.of());
        }
    }

    /**
     * @param verdicts the slots marked {@link DocumentVerdict.Kind#NEW_VERSION_NEEDED} are requested again
     * @param note an optional word to the applicant beside the reasons per document
     */
    record RequestDocuments(List<DocumentVerdict> verdicts, String note) implements ReviewDecision {
        public RequestDocuments {
            verdicts = List.copyOf(verdicts);
        }

        /** A new version of each of these slots, all for the same reason. */
        public static RequestDocuments of(List<String> slots, String reason) {
            return new RequestDocuments(slots.stream().map(s -> DocumentVerdict.newVersionNeeded(s, reason)).toList(), null);
        }

        /** The slots of which a new version is needed, in the verdicts' order. */
        public List<String> slots() {
            return verdicts.stream().filter(DocumentVerdict::newVersionNeeded).map(DocumentVerdict::slot).toList();
        }
    }
}
