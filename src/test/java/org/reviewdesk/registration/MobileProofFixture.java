package org.reviewdesk.registration;

import org.reviewdesk.applicants.MobileProof;
import org.reviewdesk.applicants.MobileProofs;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A proven contact mobile for tests that create drafts through the service: asks {@link MobileProofs}
 * for a code and reads it where a tester on the embedded defaults would, from the SMS in the outbox
 * (tests do not dispatch it).
 */
public final class MobileProofFixture {

    static final String ADDRESS = "192.0.2.200";
    private static final Pattern CODE = Pattern.compile("(?<!\\d)\\d{6}(?!\\d)");

    private MobileProofFixture() {
    }

    /** A fresh proof of the mobile. */
    public static MobileProof proof(ApplicationContext context, String mobile) {
        MobileProofs.Requested sent = context.getBean(MobileProofs.class).request(mobile, Locale.SIMPLIFIED_CHINESE, ADDRESS);
        return new MobileProof(sent.proofId(), smsCode(context.getBean(JdbcClient.class), mobile));
    }

    /** A new draft of the form, its contact mobile proven first. */
    public static DraftCreated createDraft(ApplicationContext context, ApplicantForm form) {
        return context.getBean(RegistrationService.class)
                .createDraft(form, proof(context, form.contactMobile()), Locale.SIMPLIFIED_CHINESE, null);
    }

    /** The code of the newest proving SMS to the mobile, as the outbox holds it until sent. */
    public static String smsCode(JdbcClient jdbc, String mobile) {
        String body = jdbc.sql("""
                        select body from outbox_message where recipient = :mobile and message_key = 'registration.notice.mobileProof.sms'
                         order by id desc""")
                .param("mobile", mobile).query(String.class).list().stream().findFirst()
                .orElseThrow(() -> new AssertionError("no proving SMS to " + mobile + " in the outbox"));
        Matcher code = CODE.matcher(body);
        if (!code.find()) {
            throw new AssertionError("no 6-digit code in " + body);
        }
        return code.group();
    }
}
