package org.reviewdesk.registration;

import org.reviewdesk.applicants.ApplicantProperties;
import org.reviewdesk.applicants.KeyedHashes;
import org.reviewdesk.applicants.MobileProof;
import org.reviewdesk.applicants.MobileProofs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.platform.AttemptThrottle;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.TestCodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Issue 11, items 6, 8 and 9 at the service: how access codes are stored, which codes and numbers an
 * attacker can learn, and the proof of the contact mobile that every draft needs.
 */
@ApplicationTest
class ApplicantSecurityTest {

    static final String ADDRESS = "203.0.113.50";

    @Autowired RegistrationService registrations;
    @Autowired ApplicantCodes codes;
    @Autowired MobileProofs proofs;
    @Autowired UsccChecks usccChecks;
    @Autowired KeyedHashes hashes;
    @Autowired RegistrationProperties properties;
    @Autowired ApplicantProperties applicantProperties;
    @Autowired RegistrationHousekeeping housekeeping;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;
    @Autowired PlatformTransactionManager transactions;
    @Autowired org.springframework.context.MessageSource messages;

    // ---- item 6: access codes ------------------------------------------------------------------

    @Test
    void anAccessCodeIsStoredAsAKeyedHashNamingItsKey() {
        DraftCreated draft = MobileProofFixture.createDraft(context, form(mobile()));

        String stored = storedHash(draft.applicationNumber());

        assertThat(stored).startsWith(KeyedHashes.PREFIX + hashes.currentKeyId() + ":").doesNotContain(draft.accessCode());
        assertThat(codes.open(draft.applicationNumber(), draft.accessCode(), ADDRESS).number()).isEqualTo(draft.applicationNumber());
    }

    @Test
    void theGeneratedSecretIsKeptInATableOfItsOwnAndEveryNodeReadsTheSameOne() {
        MobileProofFixture.createDraft(context, form(mobile()));
        KeyedHashes anotherNode = new KeyedHashes(applicantProperties, jdbc, java.time.Clock.systemUTC(), transactions);

        assertThat(jdbc.sql("select count(*) from server_secret where purpose = :p").param("p", KeyedHashes.PURPOSE)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(anotherNode.currentKeyId()).isEqualTo(hashes.currentKeyId());
        assertThat(anotherNode.matches("p", "v", hashes.hash("p", "v"))).isTrue();
    }

    @Test
    void aBcryptHashOfAnOlderApplicationStillOpensIt() {
        DraftCreated draft = MobileProofFixture.createDraft(context, form(mobile()));
        jdbc.sql("update registration_application set access_code_hash = :hash where number = :number")
                .param("hash", new BCryptPasswordEncoder(8).encode("LEGACY23")).param("number", draft.applicationNumber()).update();

        assertThat(codes.open(draft.applicationNumber(), "LEGACY23", ADDRESS).number()).isEqualTo(draft.applicationNumber());
        assertThatThrownBy(() -> codes.open(draft.applicationNumber(), draft.accessCode(), ADDRESS))
                .hasFieldOrPropertyWithValue("messageKey", "registration.access.denied");
    }

    @Test
    void aBcryptHashIsReplacedByTheKeyedHashOnceItsCodeMatchedAndOnlyThen() {
        String rehashAddress = "203.0.113.77";
        DraftCreated draft = MobileProofFixture.createDraft(context, form(mobile()));
        String bcrypt = new BCryptPasswordEncoder(8).encode("LEGACY23");
        jdbc.sql("update registration_application set access_code_hash = :hash where number = :number")
                .param("hash", bcrypt).param("number", draft.applicationNumber()).update();

        assertThatThrownBy(() -> codes.open(draft.applicationNumber(), "WRONG234", rehashAddress))
                .hasFieldOrPropertyWithValue("messageKey", "registration.access.denied");
        assertThat(storedHash(draft.applicationNumber())).as("a wrong code changes nothing").isEqualTo(bcrypt);

        codes.open(draft.applicationNumber(), "legacy-23", rehashAddress);

        assertThat(storedHash(draft.applicationNumber())).startsWith(KeyedHashes.PREFIX);
        assertThat(codes.open(draft.applicationNumber(), "LEGACY23", rehashAddress).number()).isEqualTo(draft.applicationNumber());
        assertThatThrownBy(() -> codes.open(draft.applicationNumber(), "WRONG234", rehashAddress))
                .hasFieldOrPropertyWithValue("messageKey", "registration.access.denied");
    }

    @Test
    void aHashFromBeforeARotationVerifiesWithThePreviousSecretOnly() {
        String oldSecret = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        byte[] newBytes = new byte[32];
        newBytes[0] = 1;
        String newSecret = java.util.Base64.getEncoder().encodeToString(newBytes);
        String before = keyed(oldSecret, List.of()).hash("access-code", "ABCD2345");

        assertThat(keyed(newSecret, List.of(oldSecret)).matches("access-code", "ABCD2345", before)).isTrue();
        assertThat(keyed(newSecret, List.of(oldSecret)).hash("access-code", "ABCD2345")).doesNotStartWith(before.substring(0, 12));
        assertThat(keyed(newSecret, List.of()).matches("access-code", "ABCD2345", before)).as("old key dropped").isFalse();
        assertThat(keyed(oldSecret, List.of()).matches("access-code", "ABCD2346", before)).isFalse();
        assertThat(keyed(oldSecret, List.of()).matches("mobile-proof", "ABCD2345", before)).as("another purpose").isFalse();
    }

    @Test
    void aSecretShorterThan32BytesIsRefusedAtStartUp() {
        String shortSecret = java.util.Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> keyed(shortSecret, List.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("access-code-secret has 16 bytes; at least 32");
    }

    // ---- item 8: numbers and conflict checks -----------------------------------------------------

    @Test
    void applicationNumbersKeepTheirShapeButAreNotTheSequence() {
        List<DraftCreated> drafts = List.of(MobileProofFixture.createDraft(context, form(mobile())),
                MobileProofFixture.createDraft(context, form(mobile())), MobileProofFixture.createDraft(context, form(mobile())));

        assertThat(drafts).allSatisfy(d -> assertThat(d.applicationNumber()).matches("RD\\d{14}"));
        List<String> sequential = drafts.stream().map(d -> jdbc.sql("select id, created_at from registration_application where number = :n")
                .param("n", d.applicationNumber())
                .query((rs, i) -> RegistrationService.number(rs.getObject(2, OffsetDateTime.class), rs.getLong(1),
                        java.time.ZoneId.of("Asia/Shanghai"))).single()).toList();
        assertThat(drafts.stream().map(DraftCreated::applicationNumber).toList()).as("not row ids").isNotEqualTo(sequential);
    }

    @Test
    void creditCodeLookupsArePerAddressAndPastTheLimitAreRefusedWithoutAnAnswer() {
        AttemptThrottle.Scope before = usccChecks.use(new AttemptThrottle.Scope("uscc-test-" + UUID.randomUUID(),
                Integer.MAX_VALUE, 2, Duration.ofHours(1)));
        try {
            registrations.createDraft(form("13811112222"), MobileProofFixture.proof(context, "13811112222"),
                    Locale.SIMPLIFIED_CHINESE, null, ADDRESS);
            ApplicantForm second = form("13811112222");
            registrations.createDraft(second, MobileProofFixture.proof(context, "13811112222"), Locale.SIMPLIFIED_CHINESE, null, ADDRESS);
            int drafts = count();

            assertThatThrownBy(() -> registrations.createDraft(form("13811112222"),
                    MobileProofFixture.proof(context, "13811112222"), Locale.SIMPLIFIED_CHINESE, null, ADDRESS))
                    .isInstanceOf(UserFacingException.class)
                    .hasFieldOrPropertyWithValue("messageKey", "registration.uscc.tooManyChecks");
            assertThat(count()).isEqualTo(drafts);
            registrations.createDraft(form("13811112222"), MobileProofFixture.proof(context, "13811112222"),
                    Locale.SIMPLIFIED_CHINESE, null, "198.51.100.77");
        } finally {
            usccChecks.use(before);
        }
    }

    @Test
    void checkingAFormAsItIsTypedSaysNothingAboutOtherApplications() {
        ApplicantForm form = form(mobile());
        DraftCreated first = MobileProofFixture.createDraft(context, form);
        for (String slot : registrations.requiredSlots(LegalPersonType.ENTERPRISE, false)) {
            registrations.upload(first.access(), slot, slot + ".png", "image/png",
                    new java.io.ByteArrayInputStream(TestDocuments.png()));
        }
        registrations.submit(first.access(), true);

        assertThat(registrations.validate(form)).isEmpty();
        assertThatThrownBy(() -> MobileProofFixture.createDraft(context, form)).isInstanceOf(FormRefusedException.class)
                .satisfies(e -> assertThat(((FormRefusedException) e).errors()).singleElement()
                        .satisfies(error -> {
                            assertThat(error.message().key()).isEqualTo("registration.uscc.openApplication");
                            assertThat(error.message().arguments()).isEmpty();
                        }));
    }

    // ---- item 9: the contact mobile --------------------------------------------------------------

    @Test
    void aDraftWithoutAProofIsRefusedAndNothingIsSent() {
        String mobile = mobile();
        int drafts = count();

        assertRefused(() -> registrations.createDraft(form(mobile), null, Locale.SIMPLIFIED_CHINESE, null, ADDRESS),
                "registration.mobileProof.required");
        assertRefused(() -> registrations.createDraft(form(mobile), new MobileProof(UUID.randomUUID().toString(), "123456"),
                Locale.SIMPLIFIED_CHINESE, null, ADDRESS), "registration.mobileProof.invalid");
        assertThat(count()).isEqualTo(drafts);
        assertThat(smsTo(mobile)).isZero();
    }

    @Test
    void aProofOfAnotherMobileIsRefused() {
        MobileProof mine = MobileProofFixture.proof(context, mobile());

        assertRefused(() -> registrations.createDraft(form(mobile()), mine, Locale.SIMPLIFIED_CHINESE, null, ADDRESS),
                "registration.mobileProof.invalid");
    }

    @Test
    void wrongCodesAreCountedUntilTheProofIsSpentEvenForTheRightCode() {
        String mobile = mobile();
        MobileProof proof = MobileProofFixture.proof(context, mobile);
        String wrong = proof.code().equals("000000") ? "111111" : "000000";
        for (int i = 0; i < applicantProperties.mobileCodeAttempts(); i++) {
            assertRefused(() -> registrations.createDraft(form(mobile), new MobileProof(proof.proofId(), wrong),
                    Locale.SIMPLIFIED_CHINESE, null, ADDRESS), "registration.mobileProof.wrongCode");
        }

        assertRefused(() -> registrations.createDraft(form(mobile), proof, Locale.SIMPLIFIED_CHINESE, null, ADDRESS),
                "registration.mobileProof.tooManyAttempts");
    }

    @Test
    void aProofMakesOneDraftOnly() {
        String mobile = mobile();
        MobileProof proof = MobileProofFixture.proof(context, mobile);
        registrations.createDraft(form(mobile), proof, Locale.SIMPLIFIED_CHINESE, null, ADDRESS);

        assertRefused(() -> registrations.createDraft(form(mobile), proof, Locale.SIMPLIFIED_CHINESE, null, ADDRESS),
                "registration.mobileProof.expired");
    }

    @Test
    void anExpiredProofIsRefused() {
        String mobile = mobile();
        MobileProof proof = MobileProofFixture.proof(context, mobile);
        jdbc.sql("update mobile_proof set expires_at = :past where id = :id")
                .param("past", OffsetDateTime.now().minusMinutes(1)).param("id", proof.proofId()).update();

        assertRefused(() -> registrations.createDraft(form(mobile), proof, Locale.SIMPLIFIED_CHINESE, null, ADDRESS),
                "registration.mobileProof.expired");
    }

    @Test
    void theSmsCodeIsStoredOnlyAsAKeyedHash() {
        MobileProof proof = MobileProofFixture.proof(context, mobile());

        String stored = jdbc.sql("select code_hash from mobile_proof where id = :id").param("id", proof.proofId())
                .query(String.class).single();

        assertThat(stored).startsWith(KeyedHashes.PREFIX).doesNotContain(proof.code());
    }

    @Test
    void codesForOneMobileAreLimitedAndTheRefusalIsTranslated() {
        AttemptThrottle.Scope before = proofs.useScope(new AttemptThrottle.Scope("mobile-code-test-" + UUID.randomUUID(),
                2, 100, Duration.ofHours(1)));
        try {
            String mobile = mobile();
            proofs.request(mobile, Locale.SIMPLIFIED_CHINESE, ADDRESS);
            proofs.request(mobile, Locale.SIMPLIFIED_CHINESE, ADDRESS);

            assertThatThrownBy(() -> proofs.request(mobile, Locale.SIMPLIFIED_CHINESE, ADDRESS))
                    .hasFieldOrPropertyWithValue("messageKey", "registration.mobileProof.tooMany");
            assertThat(smsTo(mobile)).isEqualTo(2);
            assertThat(messages.getMessage("registration.mobileProof.tooMany", null, Locale.ENGLISH)).startsWith("Too many codes");
        } finally {
            proofs.useScope(before);
        }
    }

    @Test
    void theProvenContactMobileOfADraftCannotBeChanged() {
        DraftCreated draft = MobileProofFixture.createDraft(context, form("13822223333"));
        ApplicantForm changed = form("13822224444");

        assertThatThrownBy(() -> registrations.updateDraft(draft.access(), changed, ADDRESS)).isInstanceOf(FormRefusedException.class)
                .satisfies(e -> assertThat(((FormRefusedException) e).errors()).extracting(error -> error.message().key())
                        .contains("registration.mobileProof.mobileChanged"));
        assertThat(registrations.form(draft.access()).contactMobile()).isEqualTo("13822223333");
    }

    @Test
    void aDraftHoldsNoCreditCodeAndAStaleOneGoesWithItsExpiredProofs() {
        ApplicantForm form = form(mobile());
        DraftCreated stale = MobileProofFixture.createDraft(context, form);

        DraftCreated another = MobileProofFixture.createDraft(context, form);
        jdbc.sql("update registration_application set created_at = :old where number = :n")
                .param("old", OffsetDateTime.now().minus(properties.draftRetention()).minusDays(1))
                .param("n", stale.applicationNumber()).update();
        jdbc.sql("update mobile_proof set expires_at = :old").param("old", OffsetDateTime.now().minusDays(2)).update();
        jdbc.sql("update scheduled_lock set locked_until = :past where name = :name")
                .param("past", OffsetDateTime.now().minusYears(1)).param("name", RegistrationHousekeeping.LOCK).update();
        assertThat(housekeeping.run()).isPresent();

        assertThat(another.applicationNumber()).as("a second draft for the same code").isNotEqualTo(stale.applicationNumber());
        assertThat(jdbc.sql("select count(*) from registration_application where number = :n").param("n", stale.applicationNumber())
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from mobile_proof").query(Integer.class).single()).isZero();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private KeyedHashes keyed(String secret, List<String> previous) {
        ApplicantProperties p = applicantProperties;
        ApplicantProperties with = new ApplicantProperties(secret, previous, p.mobileCodesPerMobile(), p.mobileCodesPerAddress(),
                p.mobileCodeWindow(), p.mobileCodeValidity(), p.mobileCodeAttempts());
        return new KeyedHashes(with, jdbc, java.time.Clock.systemUTC(), transactions);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key) {
        assertThatThrownBy(call).isInstanceOf(FormRefusedException.class)
                .satisfies(e -> assertThat(((FormRefusedException) e).errors()).singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo(FormField.MOBILE_CODE);
                    assertThat(error.message().key()).isEqualTo(key);
                }));
    }

    private String storedHash(String number) {
        return jdbc.sql("select access_code_hash from registration_application where number = :n").param("n", number)
                .query(String.class).single();
    }

    private int count() {
        return jdbc.sql("select count(*) from registration_application").query(Integer.class).single();
    }

    private long smsTo(String mobile) {
        return jdbc.sql("select count(*) from outbox_message where recipient = :m").param("m", mobile).query(Long.class).single();
    }

    /** A mobile no other test uses, so its SMS can be counted. */
    private static String mobile() {
        return "139" + String.format(Locale.ROOT, "%08d", (long) (Math.random() * 100_000_000L));
    }

    private static ApplicantForm form(String mobile) {
        return new ApplicantForm(LegalPersonType.ENTERPRISE, "深圳市安全测试有限公司", TestCodes.uscc(LegalPersonType.ENTERPRISE),
                false, "张三", IdType.RESIDENT_ID, "11010519491231002X", mobile, false, null, null, null, null, mobile, null);
    }
}
