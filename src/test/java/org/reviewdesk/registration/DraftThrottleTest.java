package org.reviewdesk.registration;

import org.reviewdesk.applicants.MobileProof;
import org.reviewdesk.applicants.MobileProofs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

/** A draft sends an SMS to a typed-in mobile: the public form may not be used to flood a phone or the database. */
@ApplicationTest
class DraftThrottleTest {

    static final String ADDRESS = "203.0.113.7";

    @Autowired RegistrationService registrations;
    @Autowired DraftThrottle throttle;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;
    AttemptThrottle.Scope before;

    @BeforeEach
    void tightLimits() {
        // a scope of its own: counts of other tests and runs do not leak in
        before = throttle.use(new AttemptThrottle.Scope("draft-test-" + UUID.randomUUID(), 2, 3, Duration.ofHours(1)));
    }

    @AfterEach
    void configuredLimits() {
        throttle.use(before);
    }

    @Test
    void aMobileGetsNoMoreDraftsThanItsLimitAndNothingIsCreated() {
        registrations.createDraft(form("13811110001"), proof("13811110001"), Locale.SIMPLIFIED_CHINESE, null, ADDRESS);
        registrations.createDraft(form("13811110001"), proof("13811110001"), Locale.SIMPLIFIED_CHINESE, null, ADDRESS);
        int drafts = count();

        assertThatThrownBy(() -> registrations.createDraft(form("13811110001"), proof("13811110001"), Locale.SIMPLIFIED_CHINESE, null, ADDRESS))
                .isInstanceOf(UserFacingException.class)
                .hasFieldOrPropertyWithValue("messageKey", "registration.draft.tooMany");
        assertThat(count()).isEqualTo(drafts);

        registrations.createDraft(form("13811110002"), proof("13811110002"), Locale.SIMPLIFIED_CHINESE, null, ADDRESS);
        assertThatThrownBy(() -> registrations.createDraft(form("13811110003"), proof("13811110003"), Locale.SIMPLIFIED_CHINESE, null, ADDRESS))
                .as("the address has used its three").isInstanceOf(UserFacingException.class)
                .hasFieldOrPropertyWithValue("messageKey", "registration.draft.tooMany");
        registrations.createDraft(form("13811110003"), proof("13811110003"), Locale.SIMPLIFIED_CHINESE, null, "198.51.100.9");
    }

    private MobileProof proof(String mobile) {
        return MobileProofFixture.proof(context, mobile);
    }

    private int count() {
        return jdbc.sql("select count(*) from registration_application").query(Integer.class).single();
    }

    private static ApplicantForm form(String mobile) {
        return new ApplicantForm(LegalPersonType.ENTERPRISE, "深圳市限流测试有限公司", TestCodes.uscc(LegalPersonType.ENTERPRISE),
                false, "张三", IdType.RESIDENT_ID, "11010519491231002X", mobile, false, null, null, null, null, mobile, null);
    }
}
