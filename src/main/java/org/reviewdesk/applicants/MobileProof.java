package org.reviewdesk.applicants;

/**
 * What a new draft carries to show its contact mobile is the applicant's: the id of an SMS code
 * asked for with {@link MobileProofs#request} and the code the SMS brought.
 */
public record MobileProof(String proofId, String code) {

    @Override
    public String toString() {
        return "MobileProof[" + proofId + "]";
    }
}
