package org.reviewdesk.accounts;

import java.time.OffsetDateTime;

/** One name an account had, from when, and on which case it changed. */
public record AccountName(String name, OffsetDateTime validFrom, String caseRef) {
}
