package org.reviewdesk.accounts;

public enum AccountStatus {
    ACTIVE,
    DEREGISTERED
}
