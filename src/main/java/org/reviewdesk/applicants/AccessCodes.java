package org.reviewdesk.applicants;

import java.security.SecureRandom;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Access codes of applicants' cases: 8 characters of a 32-letter alphabet without look-alikes
 * (40 bits), stored only as a keyed hash ({@link KeyedHashes}, purpose {@value #PURPOSE}). Every
 * process that gives an applicant a number and a code uses these; the throttle of attempts stays
 * with the process that opens its cases.
 */
@Component
public class AccessCodes {

    public static final String CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    public static final int CODE_LENGTH = 8;
    static final String PURPOSE = "access-code";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyedHashes hashes;

    AccessCodes(KeyedHashes hashes) {
        this.hashes = hashes;
    }

    public static String newCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as typed, without spaces or dashes, in upper case. */
    public static String normalise(String accessCode) {
        return accessCode == null ? "" : accessCode.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** The hash stored for a new access code. */
    public String hash(String accessCode) {
        return hashes.hash(PURPOSE, accessCode);
    }

    /** Whether the typed code (normalised here) is the hashed one. */
    public boolean matches(String accessCode, String stored) {
        String code = normalise(accessCode);
        return !code.isEmpty() && hashes.matches(PURPOSE, code, stored);
    }
}
