package org.reviewdesk.review;

/** The inbox's tabs. */
public enum InboxTab {
    /** Assigned to me. */
    MINE,
    /** Unassigned, offered to one of my groups. */
    UNCLAIMED,
    /** Past due, mine or offered to my groups. */
    OVERDUE,
    /** Every open task (supervisors only). */
    ALL;

    public String messageKey() {
        return "review.inbox.tab." + name();
    }
}
