package org.reviewdesk.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reviewdesk.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail through a real SMTP server (GreenMail) on a free port. The sender is built here rather than
 * by spring.mail.* so the shared context stays shared.
 */
@ApplicationTest
class MailDispatchTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired Outbox sharedOutbox;
    @Autowired OutboxRows rows;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    SmsGateway gateway;
    Outbox outbox;
    TransactionTemplate transaction;

    @BeforeEach
    void aimAtTheMailServer() throws IOException {
        sharedOutbox.dispatchDue();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        gateway = new SmsGateway();
        NotificationProperties properties = OutboxFixtures.properties(gateway.url(), "");
        outbox = OutboxFixtures.outbox(rows, properties,
                Optional.of(new SmtpMailSender(sender, properties.mail().from())), "node-a");
        transaction = OutboxFixtures.transaction(transactions);
    }

    @AfterEach
    void cleanUp() {
        gateway.close();
        OutboxFixtures.removeTestMessages(jdbc);
    }

    private Notification mail(String caseRef) {
        return Notification.mail("zhang.san@example.com", caseRef, OutboxFixtures.SUBJECT_KEY, OutboxFixtures.MAIL_KEY,
                Locale.SIMPLIFIED_CHINESE, false, caseRef);
    }

    @Test
    void aCommittedMailArrivesOnceWithItsChineseSubjectAndBodyIntact() throws Exception {
        String caseRef = OutboxFixtures.newCase();
        transaction.executeWithoutResult(status -> outbox.enqueue(mail(caseRef)));

        assertThat(outbox.dispatchDue()).isEqualTo(1);
        assertThat(outbox.dispatchDue()).isZero();

        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage message = received[0];
        assertThat(message.getSubject()).isEqualTo("业务受理通知（" + caseRef + "）");
        assertThat(((String) message.getContent()).replace("\r\n", "\n"))
                .isEqualTo("您好：\n您申请的跨省通办业务（" + caseRef + "）已受理，审核结果将另行通知。\n四川省政务服务网");
        assertThat(message.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("UTF-8");
        assertThat(message.getFrom()).containsExactly(new InternetAddress("noreply@example.gov.cn"));
        assertThat(message.getAllRecipients()).containsExactly(new InternetAddress("zhang.san@example.com"));
    }

    @Test
    void aRolledBackChangeSendsNoMail() {
        String caseRef = OutboxFixtures.newCase();
        transaction.executeWithoutResult(status -> {
            outbox.enqueue(mail(caseRef));
            status.setRollbackOnly();
        });

        assertThat(outbox.dispatchDue()).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aCaseListsItsMessagesOldestFirstWithMaskedRecipients() {
        String caseRef = OutboxFixtures.newCase();
        transaction.executeWithoutResult(status -> outbox.enqueue(Notification.sms("13812345678", caseRef,
                OutboxFixtures.SMS_KEY, Locale.SIMPLIFIED_CHINESE, true, caseRef, "K1")));
        transaction.executeWithoutResult(status -> outbox.enqueue(mail(caseRef)));
        outbox.dispatchDue();

        assertThat(outbox.messagesFor(caseRef)).satisfiesExactly(
                sms -> {
                    assertThat(sms.channel()).isEqualTo(Channel.SMS);
                    assertThat(sms.maskedRecipient()).isEqualTo("138****5678");
                    assertThat(sms.state()).isEqualTo(OutboxState.SENT);
                },
                mail -> {
                    assertThat(mail.channel()).isEqualTo(Channel.MAIL);
                    assertThat(mail.maskedRecipient()).isEqualTo("z***@example.com");
                    assertThat(mail.subject()).isEqualTo("业务受理通知（" + caseRef + "）");
                    assertThat(mail.state()).isEqualTo(OutboxState.SENT);
                    assertThat(mail.sentAt()).isAfterOrEqualTo(mail.createdAt());
                });
    }

    @Test
    void anUnreachableMailServerIsRetriedWithoutTheAddressInTheError() {
        JavaMailSenderImpl nowhere = new JavaMailSenderImpl();
        nowhere.setHost("127.0.0.1");
        nowhere.setPort(1); // nothing listens on port 1
        NotificationProperties properties = OutboxFixtures.properties(gateway.url(), "");
        Outbox offline = OutboxFixtures.outbox(rows, properties, Optional.of(new SmtpMailSender(nowhere, "noreply@example.gov.cn")), "node-a");
        String caseRef = OutboxFixtures.newCase();
        long id = transaction.execute(status -> offline.enqueue(mail(caseRef)).orElseThrow());

        assertThat(offline.dispatchDue()).isZero();

        assertThat(outbox.messagesFor(caseRef)).singleElement().satisfies(m -> assertThat(m.state()).isEqualTo(OutboxState.PENDING));
        assertThat(OutboxFixtures.column(jdbc, id, "last_error")).startsWith("SMTP: ").doesNotContain("zhang.san");
    }
}
