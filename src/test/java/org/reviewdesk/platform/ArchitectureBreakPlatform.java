package org.reviewdesk.platform;

/** Breaks "platform is a leaf" on purpose: ArchitectureTest checks that the rule reports it. */
class ArchitectureBreakPlatform {
    org.reviewdesk.review.Inbox inbox;
}
