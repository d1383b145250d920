package org.reviewdesk.operations;

/**
 * What a bulk retry did: jobs given retries again, jobs that had already gone or been retried by
 * someone else meanwhile, and failed jobs beyond this round's limit that are still waiting.
 */
public record RetryOutcome(int retried, int skipped, long remaining) {
}
