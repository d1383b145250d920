package org.reviewdesk.notifications;

/** Breaks "notifications use only leaves" on purpose: ArchitectureTest checks that the rule reports it. */
class ArchitectureBreakNotifications {
    org.reviewdesk.accounts.EnterpriseAccounts accounts;
}
