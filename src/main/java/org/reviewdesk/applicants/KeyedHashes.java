package org.reviewdesk.applicants;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * HMAC-SHA-256 of applicants' short secrets (access codes, SMS codes) keyed by a server secret, so a
 * copy of the application tables alone gives nothing to guess offline, and checking costs
 * microseconds instead of bcrypt's milliseconds. A hash is {@code h1:<keyId>:<base64>}; the key id
 * (a fingerprint of the secret) picks the key, so hashes made before a rotation still verify with a
 * previous secret ({@code reviewdesk.registration.access-code-previous-secrets}).
 *
 * <p>The secret is {@code reviewdesk.registration.access-code-secret} (base64, at least 32 bytes).
 * When it is empty, one is generated once and kept in {@code server_secret}, inserted only if absent,
 * so every node sharing the database uses the same.
 */
@Component
public class KeyedHashes {

    public static final String PREFIX = "h1:";
    public static final String PURPOSE = "access-code-hmac";
    private static final int MIN_SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Key(String id, byte[] secret) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final byte[] configured;
    private final List<byte[]> previous;
    private volatile Keys keys;

    private record Keys(Key current, Map<String, Key> all) {
    }

    public KeyedHashes(ApplicantProperties properties, JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        String secret = properties.accessCodeSecret();
        this.configured = secret == null || secret.isBlank() ? null : decode(secret, "access-code-secret");
        List<byte[]> before = new ArrayList<>();
        for (String old : properties.accessCodePreviousSecrets()) {
            if (!old.isBlank()) {
                before.add(decode(old.strip(), "access-code-previous-secrets"));
            }
        }
        this.previous = List.copyOf(before);
    }

    /** The keyed hash of a value for one purpose (a purpose's hash never matches another's). */
    public String hash(String purpose, String value) {
        Key key = keys().current();
        return PREFIX + key.id() + ":" + Base64.getEncoder().encodeToString(mac(key, purpose, value));
    }

    /** Whether the stored hash is this value's, with whichever known key made it; constant time in the value. */
    public boolean matches(String purpose, String value, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return false;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        if (colon < 0) {
            return false;
        }
        Key key = keys().all().get(stored.substring(PREFIX.length(), colon));
        if (key == null) {
            return false;
        }
        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(stored.substring(colon + 1));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return MessageDigest.isEqual(mac(key, purpose, value), expected);
    }

    /** The id of the key new hashes are made with. */
    public String currentKeyId() {
        return keys().current().id();
    }

    public static String keyId(byte[] secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(concat("reviewdesk-key-id:".getBytes(StandardCharsets.UTF_8), secret));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Keys keys() {
        Keys known = keys;
        if (known == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = load();
                }
                known = keys;
            }
        }
        return known;
    }

    private Keys load() {
        byte[] current = configured != null ? configured : stored();
        Map<String, Key> all = new LinkedHashMap<>();
        Key currentKey = new Key(keyId(current), current);
        all.put(currentKey.id(), currentKey);
        for (byte[] old : previous) {
            Key key = new Key(keyId(old), old);
            all.putIfAbsent(key.id(), key);
        }
        return new Keys(currentKey, Map.copyOf(all));
    }

    /** The generated secret: read, else inserted if absent (another node may win; then its secret is read). */
    private byte[] stored() {
        Optional<String> existing = read();
        if (existing.isEmpty()) {
            byte[] fresh = new byte[MIN_SECRET_BYTES];
            RANDOM.nextBytes(fresh);
            try {
                ownTransaction.executeWithoutResult(status -> jdbc.sql(
                                "insert into server_secret (purpose, secret, created_at) values (:purpose, :secret, :now)")
                        .param("purpose", PURPOSE).param("secret", Base64.getEncoder().encodeToString(fresh))
                        .param("now", OffsetDateTime.now(clock)).update());
            } catch (DataIntegrityViolationException anotherNodeWasFirst) {
                // its secret is read below
            }
            existing = read();
        }
        return Base64.getDecoder().decode(existing.orElseThrow());
    }

    private Optional<String> read() {
        return ownTransaction.execute(status -> jdbc.sql("select secret from server_secret where purpose = :purpose")
                .param("purpose", PURPOSE).query(String.class).optional());
    }

    private static byte[] mac(Key key, String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
            return mac.doFinal((purpose + '\u0000' + value).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] decode(String base64, String setting) {
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("reviewdesk.registration." + setting + " is not base64", e);
        }
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("reviewdesk.registration." + setting + " has " + secret.length
                    + " bytes; at least " + MIN_SECRET_BYTES + " are needed (e.g. openssl rand -base64 32)");
        }
        return secret;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
