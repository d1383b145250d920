package org.reviewdesk.review;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The verdicts per document of a case's last decision that judged its documents (a request for new
 * versions), for the round after the applicant's answer: the reviewer sees them beside each document,
 * and a document the applicant left unchanged keeps its "accepted".
 *
 * @param decidedAt when that decision was made: a document version uploaded later is a changed document
 */
public record PreviousRound(OffsetDateTime decidedAt, List<DocumentVerdict> verdicts) {

    /** A case in its first round. */
    public static final PreviousRound NONE = new PreviousRound(null, List.of());

    public PreviousRound {
        verdicts = verdicts == null ? List.of() : List.copyOf(verdicts);
    }

    public Optional<DocumentVerdict> of(String slot) {
        return decidedAt == null ? Optional.empty() : verdicts.stream().filter(v -> v.slot().equals(slot)).findFirst();
    }

    /**
     * A slot's last verdict and whether its document is still the one judged then.
     *
     * @param unchanged no version of the slot was uploaded after that decision
     */
    public record Verdict(DocumentVerdict verdict, boolean unchanged) {

        /** What the next round starts with: "accepted" again for a document nobody changed, else nothing. */
        public boolean carriesOver() {
            return unchanged && verdict.kind() == DocumentVerdict.Kind.ACCEPTED;
        }
    }
}
