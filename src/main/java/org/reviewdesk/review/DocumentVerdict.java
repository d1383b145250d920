package org.reviewdesk.review;

/**
 * The reviewer's verdict on one document slot in a decision.
 *
 * @param reason why a new version is needed (the applicant reads it beside the document); null when accepted
 */
public record DocumentVerdict(String slot, Kind kind, String reason) {

    public enum Kind {
        ACCEPTED,
        NEW_VERSION_NEEDED;

        public String messageKey() {
            return "review.verdict." + name();
        }
    }

    public static DocumentVerdict accepted(String slot) {
        return new DocumentVerdict(slot, Kind.ACCEPTED, null);
    }

    public static DocumentVerdict newVersionNeeded(String slot, String reason) {
        return new DocumentVerdict(slot, Kind.NEW_VERSION_NEEDED, reason);
    }

    public boolean newVersionNeeded() {
        return kind == Kind.NEW_VERSION_NEEDED;
    }
}
