package org.reviewdesk.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 14 item 4: a lost access code is replaced by one sent to the contact mobile on record. */
@ApplicationTest
class AccessCodeReissueTest {

    private static final Pattern CODE = Pattern.compile("查询码为([A-Z0-9]+)");

    @Autowired ApplicationContext context;
    @Autowired ApplicantCodes codes;
    @Autowired JdbcClient jdbc;

    String mobile;
    DraftCreated draft;

    @BeforeEach
    void draft() {
        mobile = "139" + String.format("%08d", (long) (Math.random() * 100_000_000L));
        ApplicantForm form = new ApplicantForm(LegalPersonType.ENTERPRISE, "深圳市查询码示例有限公司",
                ApplicationFormViewTest.newUscc("91"), false, "张三", IdType.RESIDENT_ID, ApplicationFormViewTest.VALID_ID,
                mobile, false, null, null, null, null, mobile, null);
        draft = MobileProofFixture.createDraft(context, form);
        jdbc.sql("delete from login_throttle").update();
    }

    @Test
    void theRightNumberAndMobileGetANewCodeBySmsTheOldOneStopsWorkingAndItIsAudited() {
        codes.reissue(draft.applicationNumber().toLowerCase(), "+86 " + mobile, "192.0.2.10");

        List<String> codesSent = sentCodes();
        assertThat(codesSent).hasSize(2);
        String newCode = codesSent.get(0);
        assertThat(newCode).isNotEqualTo(draft.accessCode());
        assertThatThrownBy(() -> codes.open(draft.applicationNumber(), draft.accessCode(), "192.0.2.11"))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("registration.access.denied");
        assertThat(codes.open(draft.applicationNumber(), newCode, "192.0.2.11").number()).isEqualTo(draft.applicationNumber());
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'ACCESS_CODE_REISSUED' and case_ref = :n")
                .param("n", draft.applicationNumber()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anotherMobileGetsTheSameAnswerAndChangesNothing() {
        codes.reissue(draft.applicationNumber(), "13800000000", "192.0.2.12");
        codes.reissue("RD20000101000000", mobile, "192.0.2.12");

        assertThat(sentCodes()).hasSize(1);
        assertThat(codes.open(draft.applicationNumber(), draft.accessCode(), "192.0.2.13").number()).isEqualTo(draft.applicationNumber());
    }

    @Test
    void aNumberGetsThreeNewCodesAnHourThenTheMinutesToWait() {
        for (int i = 0; i < 3; i++) {
            codes.reissue(draft.applicationNumber(), mobile, "192.0.2." + (20 + i));
        }

        assertThatThrownBy(() -> codes.reissue(draft.applicationNumber(), mobile, "192.0.2.30"))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("registration.reissue.locked");
        assertThat(sentCodes()).hasSize(4);
    }

    @Test
    void aMissingNumberOrAMalformedMobileIsRefusedWithoutCounting() {
        assertThatThrownBy(() -> codes.reissue(" ", mobile, "192.0.2.40"))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("registration.reissue.incomplete");
        assertThatThrownBy(() -> codes.reissue(draft.applicationNumber(), "1381234", "192.0.2.40"))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("registration.reissue.incomplete");
        assertThat(sentCodes()).hasSize(1);
    }

    /** The access codes sent to the mobile, newest first. */
    private List<String> sentCodes() {
        return jdbc.sql("""
                        select body from outbox_message where recipient = :mobile
                         and message_key = 'registration.notice.accessCode.sms' order by id desc""")
                .param("mobile", mobile).query(String.class).list().stream().map(body -> {
                    Matcher m = CODE.matcher(body);
                    return m.find() ? m.group(1) : body;
                }).toList();
    }
}
