package org.reviewdesk.applicants;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.reviewdesk.notifications.Notification;
import org.reviewdesk.notifications.Outbox;
import org.reviewdesk.platform.AttemptThrottle;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.rules.Masking;
import org.reviewdesk.rules.MobileCheck;
import org.reviewdesk.rules.MobileNumberValidator;
import org.reviewdesk.rules.RuleMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Proving the contact mobile before a draft exists: a 6-digit code sent by SMS (through the outbox),
 * valid {@code mobile-code-validity}, stored as a keyed hash, tried at most {@code mobile-code-attempts}
 * times and used once. Asking for codes is throttled per mobile and per client address, so the form
 * cannot be used to flood a phone. Until a draft carries a valid proof for its contact mobile, no
 * draft exists, no credit code is looked up for it and nothing else is sent to that mobile.
 *
 * <p>With the development SMS sender ({@code reviewdesk.notifications.sms.sender=log}) nothing
 * reaches a phone, so the code is written to the log instead, as a tester would read it.
 */
@Service
public class MobileProofs {

    static final String SCOPE = "mobile-code";
    private static final String PURPOSE = "mobile-proof";
    private static final String SMS_KEY = "registration.notice.mobileProof.sms";
    private static final Logger log = LoggerFactory.getLogger(MobileProofs.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A code was sent: the id to send back with it, and until when it is valid. */
    public record Requested(String proofId, String mobileMasked, OffsetDateTime expiresAt) {
    }

    private final JdbcClient jdbc;
    private final KeyedHashes hashes;
    private final Outbox outbox;
    private final AttemptThrottle throttle;
    private final ApplicantProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final boolean logCodes;
    private volatile AttemptThrottle.Scope scope;

    MobileProofs(JdbcClient jdbc, KeyedHashes hashes, Outbox outbox, AttemptThrottle throttle, ApplicantProperties properties,
                 Clock clock, PlatformTransactionManager transactions,
                 @Value("${reviewdesk.notifications.sms.sender:log}") String smsSender) {
        this.jdbc = jdbc;
        this.hashes = hashes;
        this.outbox = outbox;
        this.throttle = throttle;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.logCodes = "log".equals(smsSender);
        this.scope = new AttemptThrottle.Scope(SCOPE, properties.mobileCodesPerMobile(), properties.mobileCodesPerAddress(),
                properties.mobileCodeWindow());
    }

    /**
     * Sends a new code to the mobile.
     *
     * @throws MobileProofRefused the mobile is no mobile number (at the mobile field)
     * @throws UserFacingException {@code registration.mobileProof.tooMany} past the limits of the mobile or the address
     */
    public Requested request(String mobile, Locale locale, String clientAddress) {
        String normalised = normalise(mobile);
        if (!throttle.attempt(scope, normalised, clientAddress).allowed()) {
            throw new UserFacingException("registration.mobileProof.tooMany");
        }
        String id = UUID.randomUUID().toString();
        String code = String.format(Locale.ROOT, "%06d", RANDOM.nextInt(1_000_000));
        OffsetDateTime now = now();
        OffsetDateTime expires = now.plus(properties.mobileCodeValidity());
        long minutes = Math.max(1, properties.mobileCodeValidity().toMinutes());
        transaction.executeWithoutResult(status -> {
            jdbc.sql("""
                    insert into mobile_proof (id, mobile, code_hash, created_at, expires_at, used_at, attempts)
                    values (:id, :mobile, :hash, :now, :expires, null, 0)""")
                    .param("id", id).param("mobile", normalised).param("hash", hashes.hash(PURPOSE, id + ":" + code))
                    .param("now", now).param("expires", expires).update();
            outbox.enqueue(Notification.sms(normalised, null, SMS_KEY,
                    locale == null ? Locale.SIMPLIFIED_CHINESE : locale, true, code, minutes));
        });
        if (logCodes) {
            log.info("SMS code for proving mobile {} (proof {}): {} (reviewdesk.notifications.sms.sender=log: no SMS is sent)",
                    Masking.mobile(normalised), id, code);
        }
        return new Requested(id, Masking.mobile(normalised), expires);
    }

    /**
     * Checks that the proof is for this mobile, unexpired, unused and its code right, without using
     * it up; a wrong code counts against the proof's attempts (in a transaction of its own).
     *
     * @throws MobileProofRefused at the code field, with what is wrong
     */
    public void check(MobileProof proof, String mobile) {
        if (proof == null || proof.proofId() == null || proof.proofId().isBlank()) {
            throw refused("registration.mobileProof.required");
        }
        Optional<Row> found = transaction.execute(status -> jdbc.sql("""
                        select mobile, code_hash, expires_at, used_at, attempts from mobile_proof where id = :id""")
                .param("id", proof.proofId().strip())
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getObject(4, OffsetDateTime.class), rs.getInt(5)))
                .optional());
        Row row = found.filter(r -> r.mobile().equals(mobile)).orElseThrow(() -> refused("registration.mobileProof.invalid"));
        if (row.usedAt() != null || !row.expiresAt().isAfter(now())) {
            throw refused("registration.mobileProof.expired");
        }
        if (row.attempts() >= properties.mobileCodeAttempts()) {
            throw refused("registration.mobileProof.tooManyAttempts");
        }
        String code = proof.code() == null ? "" : proof.code().replaceAll("\\s", "");
        if (!hashes.matches(PURPOSE, proof.proofId().strip() + ":" + code, row.codeHash())) {
            transaction.executeWithoutResult(status -> jdbc.sql("update mobile_proof set attempts = attempts + 1 where id = :id")
                    .param("id", proof.proofId().strip()).update());
            throw refused("registration.mobileProof.wrongCode");
        }
    }

    /**
     * Uses the (checked) proof up in the caller's transaction: a proof is good for one draft.
     *
     * @throws MobileProofRefused another request used it meanwhile
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void use(MobileProof proof, String mobile) {
        int used = jdbc.sql("""
                        update mobile_proof set used_at = :now
                         where id = :id and mobile = :mobile and used_at is null and expires_at > :now""")
                .param("now", now()).param("id", proof.proofId().strip()).param("mobile", mobile).update();
        if (used != 1) {
            throw refused("registration.mobileProof.expired");
        }
    }

    /** Deletes proofs expired for more than a day (housekeeping); how many. */
    public int deleteExpired() {
        return transaction.execute(status -> jdbc.sql("delete from mobile_proof where expires_at < :cutoff")
                .param("cutoff", now().minus(Duration.ofDays(1))).update());
    }

    /** Tests only: other limits (and a scope name of their own, so their counts start at zero). */
    public AttemptThrottle.Scope useScope(AttemptThrottle.Scope other) {
        AttemptThrottle.Scope before = scope;
        scope = other;
        return before;
    }

    private static String normalise(String mobile) {
        MobileCheck check = MobileNumberValidator.check(mobile);
        if (check instanceof MobileCheck.Refused refused) {
            throw new MobileProofRefused(MobileProofRefused.Field.MOBILE, refused.message());
        }
        return ((MobileCheck.Accepted) check).normalised();
    }

    private static MobileProofRefused refused(String key) {
        return new MobileProofRefused(MobileProofRefused.Field.CODE, RuleMessage.of(key));
    }

    /** Database precision (microseconds), as the rest of the application writes times. */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private record Row(String mobile, String codeHash, OffsetDateTime expiresAt, OffsetDateTime usedAt, int attempts) {
    }
}
