package org.reviewdesk.representative;

/** A deregistration still open for a credit code: its number and state (for registration's refusal). */
public record OpenDeregistration(String number, ChangeState state) {
}
