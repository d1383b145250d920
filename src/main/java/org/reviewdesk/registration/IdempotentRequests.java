package org.reviewdesk.registration;

import org.reviewdesk.applicants.MobileProof;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * The request an Idempotency-Key was first used with, as SHA-256 of a canonical form: every field
 * of the normalised form (so spelling differences a rule removes do not count) plus the mobile
 * proof's id and code. The client's address is left out on purpose: a phone that changes network
 * between the lost answer and the retry is still the same applicant; what makes a retry the
 * applicant's is the proof code, which only the contact mobile received.
 */
final class IdempotentRequests {

    private IdempotentRequests() {
    }

    static String hash(ApplicantForm form, MobileProof proof) {
        String canonical = String.join("\u0000", Stream.of(
                        form.legalPersonType(), form.name(), form.uscc(), form.usccConfirmed(),
                        form.representativeName(), form.representativeIdType(), form.representativeIdNumber(),
                        form.representativeMobile(), form.agentApplies(), form.agentName(), form.agentIdType(),
                        form.agentIdNumber(), form.agentMobile(), form.contactMobile(), form.contactEmail(),
                        proof == null ? null : proof.proofId(), proof == null || proof.code() == null ? null : proof.code().strip())
                .map(value -> value == null ? "" : value.toString()).toList());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a stored request hash is this one's (a draft from before the hash was kept matches nothing). */
    static boolean same(String stored, String requestHash) {
        return stored != null && requestHash != null
                && MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII), requestHash.getBytes(StandardCharsets.US_ASCII));
    }
}
