package org.reviewdesk.documents;

/** Breaks "documents use only leaves" on purpose: ArchitectureTest checks that the rule reports it. */
class ArchitectureBreakDocuments {
    org.reviewdesk.review.Inbox inbox;
}
