package org.reviewdesk.rules;

/** How an accepted unified social credit code came out. */
public enum UsccOutcome {
    VALID,
    /**
     * The check character does not match the first 17. Real, registered codes exist that fail it,
     * so this is not a refusal: the applicant confirms the code and the reviewer sees a flag.
     */
    CHECK_CHARACTER_MISMATCH
}
