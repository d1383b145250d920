package org.reviewdesk.registration;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import org.reviewdesk.applicants.AccessCodes;
import org.reviewdesk.applicants.CaseDoors;
import org.reviewdesk.platform.AttemptThrottle;
import org.reviewdesk.platform.UserFacingException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The applicant's proof of an application: the access code given with a new draft, stored as a
 * keyed hash ({@link AccessCodes}), and checking a number with its code under a throttle
 * ({@link #open}), which gives an {@link ApplicantAccess}.
 *
 * <p>Codes are 8 characters of a 32-letter alphabet without look-alikes (40 bits, 32^8 ≈ 1.1e12).
 * Attempts are counted per client address only: a lock per application would let anyone lock the
 * real applicant out with five wrong codes, and gains nothing against guessing (see the README's
 * guessing budget).
 */
@Service
public class ApplicantCodes {

    static final String CODE_ALPHABET = AccessCodes.CODE_ALPHABET;
    static final int CODE_LENGTH = AccessCodes.CODE_LENGTH;
    static final String SCOPE = "applicant";

    private final RegistrationRepository applications;
    private final RegistrationRecords records;
    private final AccessCodes accessCodes;
    /** Only to check the bcrypt hashes of applications created before the keyed hash. */
    private final BCryptPasswordEncoder legacy = new BCryptPasswordEncoder();
    private final Attempts attempts;
    private final RegistrationProperties properties;
    private final TransactionTemplate transaction;
    private final RegistrationNotices notices;
    private final org.reviewdesk.platform.AuditLog audit;
    private final CaseDoors doors;
    private final JdbcClient jdbc;

    /** New codes per application number and per client address within the window (each sends an SMS). */
    static final AttemptThrottle.Scope REISSUE = new AttemptThrottle.Scope("applicant-reissue", 3, 10, Duration.ofHours(1));

    ApplicantCodes(RegistrationRepository applications, RegistrationRecords records, AccessCodes accessCodes, Attempts attempts,
                   RegistrationProperties properties, PlatformTransactionManager transactions, RegistrationNotices notices,
                   org.reviewdesk.platform.AuditLog audit, CaseDoors doors, JdbcClient jdbc) {
        this.doors = doors;
        this.jdbc = jdbc;
        this.notices = notices;
        this.audit = audit;
        this.applications = applications;
        this.records = records;
        this.accessCodes = accessCodes;
        this.attempts = attempts;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Checks an application number and access code. Every attempt is counted per client address
     * before the code is checked, and a right code gives its attempt back; past the limit that address
     * is refused for a while, whatever number it tries. An unknown number and a
     * wrong code get the same answer.
     */
    public ApplicantAccess open(String number, String accessCode, String clientAddress) {
        CaseDoors.Door door = new CaseDoors.Door(SCOPE, properties.accessMaxFailuresPerAddress(), properties.accessLockDuration(),
                "registration.access.locked", "registration.access.denied");
        String[] legacyHash = new String[1];
        String opened = doors.open(door, number, accessCode, clientAddress, this::storedHash, (typed, stored) -> {
            boolean matched = !normalise(typed).isEmpty() && matches(normalise(typed), stored);
            if (matched && stored.startsWith("$2")) {
                legacyHash[0] = stored;
            }
            return matched;
        });
        if (legacyHash[0] != null) {
            rehash(opened, normalise(accessCode), legacyHash[0]);
        }
        return new ApplicantAccess(opened);
    }

    /** One column by its unique index, not the whole entity: every applicant call starts here. */
    private Optional<String> storedHash(String number) {
        return jdbc.sql("select access_code_hash from registration_application where number = :number")
                .param("number", number).query(String.class).optional();
    }

    /**
     * A bcrypt hash (applications from before the keyed hash) costs ~20 ms of CPU on every call; once
     * its code has matched, the row gets the keyed hash of the same code, so bcrypt runs once per
     * application. Only if the row still has that bcrypt hash: a code reissued meanwhile stays.
     */
    private void rehash(String number, String code, String legacyHash) {
        jdbc.sql("update registration_application set access_code_hash = :hash where number = :number and access_code_hash = :old")
                .param("hash", hash(code)).param("number", number).param("old", legacyHash).update();
    }

    /**
     * A lost access code (issue 14 item 4): when the number and the contact mobile on record belong
     * together, a new code goes by SMS to that mobile, the old one stops working, and the act is
     * audited. Whatever was typed, the answer is the same (nobody learns whether a number exists or
     * which mobile it has), and each request counts against the number and the address, refused
     * beyond the limit with the minutes to wait.
     */
    public void reissue(String number, String contactMobile, String clientAddress) {
        String wanted = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        String mobile = org.reviewdesk.rules.MobileNumberValidator.check(contactMobile)
                instanceof org.reviewdesk.rules.MobileCheck.Accepted accepted ? accepted.normalised() : null;
        if (wanted.isEmpty() || mobile == null) {
            throw new UserFacingException("registration.reissue.incomplete");
        }
        Optional<OffsetDateTime> locked = attempts.count(REISSUE, wanted, clientAddress);
        if (locked.isPresent()) {
            long minutes = Math.max(1, Duration.between(records.now(), locked.get()).toMinutes() + 1);
            throw new UserFacingException("registration.reissue.locked", minutes);
        }
        transaction.executeWithoutResult(status -> applications.findByNumber(wanted)
                .filter(application -> mobile.equals(application.contactMobile()))
                .ifPresent(application -> {
                    String code = newAccessCode();
                    application.replaceAccessCode(hash(code));
                    applications.save(application);
                    notices.accessCode(application, code);
                    audit.record("applicant:" + wanted, "ACCESS_CODE_REISSUED", wanted, "to the contact mobile on record");
                }));
    }

    /** Whether the code is the one hashed: keyed hashes by their key id, bcrypt hashes of older rows as before. */
    boolean matches(String code, String stored) {
        if (stored.startsWith("$2")) {
            return legacy.matches(code, stored);
        }
        return accessCodes.matches(code, stored);
    }

    /** The hash stored for a new access code. */
    String hash(String accessCode) {
        return accessCodes.hash(accessCode);
    }

    /** The code as typed, without spaces or dashes, in upper case. */
    static String normalise(String accessCode) {
        return AccessCodes.normalise(accessCode);
    }

    static String newAccessCode() {
        return AccessCodes.newCode();
    }
}
