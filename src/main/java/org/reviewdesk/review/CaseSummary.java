package org.reviewdesk.review;

import java.time.OffsetDateTime;

/**
 * A case as the inbox lists it.
 *
 * @param caseRef the reference reviewers search for (an application number)
 * @param title what the case is about (an enterprise name), searchable by fragment
 * @param code a code reviewers search for exactly (a credit code), or null
 * @param receivedAt when the case was received (submitted)
 */
public record CaseSummary(String caseRef, String title, String code, OffsetDateTime receivedAt) {
}
