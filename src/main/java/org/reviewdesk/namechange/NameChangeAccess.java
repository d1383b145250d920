package org.reviewdesk.namechange;

/** Proof that the caller gave a case's number with its access code ({@link NameChanges#open}). */
public record NameChangeAccess(String number) {
}
