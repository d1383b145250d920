package org.reviewdesk.accounts;

/**
 * Breaks "accounts use only leaves" and, with the review package's break, "no cycles" on purpose:
 * ArchitectureTest checks that the rules report it.
 */
public class ArchitectureBreakAccounts {
    org.reviewdesk.review.ArchitectureBreakReview review;
}
