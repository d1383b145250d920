package org.reviewdesk.namechange;

/**
 * What the applicant types: the enterprise's credit code, its new name as on the new business
 * licence, and who applies (name, mobile).
 */
public record NameChangeRequest(String uscc, String newName, String applicantName, String applicantMobile) {
}
