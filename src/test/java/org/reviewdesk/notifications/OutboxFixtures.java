package org.reviewdesk.notifications;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An outbox of the test's own on the shared database, with real senders aimed at the test's own
 * servers (the shared context's outbox only logs SMS and has no mail server), and texts of its own,
 * since the message texts belong to the calling capabilities.
 */
final class OutboxFixtures {

    static final String SMS_KEY = "test.sms.accessCode";
    static final String SUBJECT_KEY = "test.mail.subject";
    static final String MAIL_KEY = "test.mail.body";
    static final int MAX_ATTEMPTS = 3;

    private OutboxFixtures() {
    }

    static NotificationProperties properties(String gatewayUrl, String token) {
        return new NotificationProperties(false, Duration.ofSeconds(5), Duration.ofMinutes(1), MAX_ATTEMPTS,
                Duration.ofSeconds(30), Duration.ofMinutes(30),
                new NotificationProperties.Sms(NotificationProperties.SmsSenderType.HTTP,
                        new NotificationProperties.Http(gatewayUrl, token, Duration.ofSeconds(2), Duration.ofSeconds(5))),
                new NotificationProperties.Mail("noreply@example.gov.cn"));
    }

    static Outbox outbox(OutboxRows rows, NotificationProperties properties, Optional<SmtpMailSender> mail, String node) {
        return new Outbox(rows, texts(), new Delivery(new HttpSmsSender(properties.sms().http()), mail), properties,
                Clock.systemDefaultZone(), node);
    }

    static StaticMessageSource texts() {
        StaticMessageSource texts = new StaticMessageSource();
        texts.addMessage(SMS_KEY, Locale.SIMPLIFIED_CHINESE, "【四川政务服务】您的业务{0}已受理，查询码{1}，请勿告知他人。");
        texts.addMessage(SUBJECT_KEY, Locale.SIMPLIFIED_CHINESE, "业务受理通知（{0}）");
        texts.addMessage(MAIL_KEY, Locale.SIMPLIFIED_CHINESE, "您好：\n您申请的跨省通办业务（{0}）已受理，审核结果将另行通知。\n四川省政务服务网");
        return texts;
    }

    /** Case references of these tests start with NT-, so they can be removed afterwards. */
    static String newCase() {
        return "NT-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static TransactionTemplate transaction(PlatformTransactionManager transactions) {
        return new TransactionTemplate(transactions);
    }

    /** Removes this test's messages, so their FAILED rows warn no other test. */
    static void removeTestMessages(JdbcClient jdbc) {
        jdbc.sql("delete from outbox_message where case_ref like 'NT-%'").update();
    }

    static String column(JdbcClient jdbc, long id, String column) {
        return jdbc.sql("select " + column + " from outbox_message where id = :id").param("id", id).query(String.class).single();
    }
}
