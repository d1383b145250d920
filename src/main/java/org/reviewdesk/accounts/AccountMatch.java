package org.reviewdesk.accounts;

/**
 * An account a search found.
 *
 * @param formerName the former name the fragment matched, when the current name does not contain it; else null
 */
public record AccountMatch(EnterpriseAccount account, String formerName) {
}
