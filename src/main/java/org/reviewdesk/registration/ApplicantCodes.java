package org.reviewdesk.registration;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.reviewdesk.platform.AttemptThrottle;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The applicant's proof of an application: the access code given with a new draft, stored as a
 * bcrypt hash, and checking a number with its code under a throttle ({@link #open}), which gives an
 * {@link ApplicantAccess}.
 */
@Service
public class ApplicantCodes {

    private static final String CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int CODE_LENGTH = 8;
    /**
     * bcrypt cost of access codes. Codes are 40 random bits, checked online only under the throttle;
     * the hash is for a stolen database, where cost 8 still means years of GPU time per code, at a
     * quarter of the staff passwords' cost 10 on every draft and every status-page or API call.
     */
    static final int ACCESS_CODE_BCRYPT_COST = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RegistrationRepository applications;
    private final RegistrationRecords records;
    private final PasswordEncoder encoder;
    private final AttemptThrottle throttle;
    private final RegistrationProperties properties;
    private final TransactionTemplate transaction;
    /** Compared against when the number is unknown, so an unknown number costs the same time as a wrong code. */
    private final String unknownNumberHash;

    ApplicantCodes(RegistrationRepository applications, RegistrationRecords records, AttemptThrottle throttle,
                   RegistrationProperties properties, PlatformTransactionManager transactions) {
        this.applications = applications;
        this.records = records;
        this.encoder = new BCryptPasswordEncoder(ACCESS_CODE_BCRYPT_COST);
        this.throttle = throttle;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.unknownNumberHash = this.encoder.encode(newAccessCode());
    }

    /**
     * Checks an application number and access code. Wrong codes are counted per application and
     * per address; past the limit both are locked for a while. An unknown number and a wrong code
     * get the same answer.
     */
    public ApplicantAccess open(String number, String accessCode, String clientAddress) {
        String wanted = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        AttemptThrottle.Scope scope = accessScope();
        AttemptThrottle.Attempt attempt = throttle.attempt(scope, wanted, clientAddress);
        if (!attempt.allowed()) {
            long minutes = Math.max(1, Duration.between(records.now(), attempt.lockedUntil()).toMinutes() + 1);
            throw new UserFacingException("registration.access.locked", minutes);
        }
        String code = accessCode == null ? "" : accessCode.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        Optional<String> hash = wanted.isEmpty() ? Optional.empty()
                : transaction.execute(status -> applications.findByNumber(wanted).map(RegistrationApplication::accessCodeHash));
        boolean matches = encoder.matches(code, hash.orElse(unknownNumberHash)) && hash.isPresent() && !code.isEmpty();
        if (!matches) {
            throw new UserFacingException("registration.access.denied");
        }
        throttle.recordSuccess(scope, wanted, clientAddress);
        return new ApplicantAccess(wanted);
    }

    private AttemptThrottle.Scope accessScope() {
        return new AttemptThrottle.Scope("applicant", properties.accessMaxFailuresPerApplication(),
                properties.accessMaxFailuresPerAddress(), properties.accessLockDuration());
    }

    /** The hash stored for a new access code. */
    String hash(String accessCode) {
        return encoder.encode(accessCode);
    }

    static String newAccessCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }
}
