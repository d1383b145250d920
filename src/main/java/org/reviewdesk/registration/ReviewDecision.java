package org.reviewdesk.registration;

import java.util.List;

/**
 * A reviewer's outcome of the review task, with a verdict per document slot the reviewer judged.
 * {@link RegistrationReview#decide} checks the rules: approval only while no slot needs a new
 * version; a request for documents names at least one such slot, each with its reason.
 */
public sealed interface ReviewDecision {

    List<DocumentVerdict> verdicts();

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
