package org.reviewdesk.window;

/**
 * A case found by its number or its contact mobile.
 *
 * @param uscc the credit code the case is for (an organisation's record is found by it)
 * @param organisationName the organisation's name as the case gives it (it may have no account yet)
 */
public record CaseHit(String caseRef, String uscc, String organisationName) {
}
