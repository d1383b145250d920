package org.reviewdesk.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox as other capabilities get it: the shared context's bean (SMS logged, no mail server). */
@ApplicationTest
class OutboxTest {

    @Autowired Outbox outbox;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired NotificationProperties properties;

    TransactionTemplate transaction;

    @BeforeEach
    void nothingElseIsDue() {
        transaction = OutboxFixtures.transaction(transactions);
        outbox.dispatchDue();
    }

    @AfterEach
    void removeMessages() {
        OutboxFixtures.removeTestMessages(jdbc);
    }

    private static Notification sms(String caseRef) {
        // the texts belong to the calling capabilities; any key of the application's bundles does here
        return Notification.sms("+86 138-1234-5678", caseRef, "notifications.state.PENDING", Locale.SIMPLIFIED_CHINESE, false);
    }

    @Test
    void enqueueingOutsideATransactionIsRefused() {
        String caseRef = OutboxFixtures.newCase();

        assertThatThrownBy(() -> outbox.enqueue(sms(caseRef))).isInstanceOf(IllegalTransactionStateException.class);
        assertThat(outbox.messagesFor(caseRef)).isEmpty();
    }

    @Test
    void aRolledBackChangeSendsNothing() {
        String caseRef = OutboxFixtures.newCase();

        transaction.executeWithoutResult(status -> {
            outbox.enqueue(sms(caseRef));
            status.setRollbackOnly();
        });

        assertThat(outbox.messagesFor(caseRef)).isEmpty();
        assertThat(outbox.dispatchDue()).isZero();
    }

    @Test
    void aCommittedChangeIsSentOnce() {
        String caseRef = OutboxFixtures.newCase();
        transaction.executeWithoutResult(status -> outbox.enqueue(sms(caseRef)));
        assertThat(outbox.messagesFor(caseRef)).singleElement()
                .satisfies(m -> assertThat(m.state()).isEqualTo(OutboxState.PENDING));

        assertThat(outbox.dispatchDue()).isEqualTo(1);
        assertThat(outbox.dispatchDue()).isZero();

        assertThat(outbox.messagesFor(caseRef)).singleElement().satisfies(m -> {
            assertThat(m.state()).isEqualTo(OutboxState.SENT);
            assertThat(m.sentAt()).isNotNull();
            assertThat(m.attempts()).isEqualTo(1);
        });
    }

    @Test
    void theTextIsRenderedWhenEnqueuedInTheNotificationsLanguage() {
        String caseRef = OutboxFixtures.newCase();
        long id = transaction.execute(status -> outbox.enqueue(
                Notification.sms("13812345678", caseRef, "notifications.state.SENT", Locale.ENGLISH, false)).orElseThrow());

        assertThat(OutboxFixtures.column(jdbc, id, "body")).isEqualTo("Sent");
    }

    @Test
    void aMailIsSkippedWhenNoMailServerIsConfigured() {
        String caseRef = OutboxFixtures.newCase();

        Optional<Long> id = transaction.execute(status -> outbox.enqueue(Notification.mail("zhang.san@example.com", caseRef,
                "notifications.channel.MAIL", "notifications.state.PENDING", Locale.SIMPLIFIED_CHINESE, false)));

        assertThat(id).isEmpty();
        assertThat(outbox.messagesFor(caseRef)).isEmpty();
    }

    @Test
    void aRecipientThatIsNoMobileNumberIsRefusedBeforeAnythingIsWritten() {
        String caseRef = OutboxFixtures.newCase();

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> outbox.enqueue(
                Notification.sms("12345", caseRef, "notifications.state.PENDING", Locale.SIMPLIFIED_CHINESE, false))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("12345");
        assertThat(outbox.messagesFor(caseRef)).isEmpty();
    }

    @Test
    void aStatusListMasksTheMobileNumber() {
        String caseRef = OutboxFixtures.newCase();
        transaction.executeWithoutResult(status -> outbox.enqueue(sms(caseRef)));

        assertThat(outbox.messagesFor(caseRef)).singleElement().satisfies(m -> {
            assertThat(m.channel()).isEqualTo(Channel.SMS);
            assertThat(m.maskedRecipient()).isEqualTo("138****5678");
            assertThat(m.subject()).isNull();
        });
    }

    @Test
    void theSettingsOfApplicationYmlBind() {
        assertThat(properties.dispatchEnabled()).as("application-test.yml").isFalse();
        assertThat(properties.dispatchInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.retryDelay(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.sms().sender()).isEqualTo(NotificationProperties.SmsSenderType.LOG);
        assertThat(properties.mail().from()).isEqualTo("noreply@example.gov.cn");
    }
}
