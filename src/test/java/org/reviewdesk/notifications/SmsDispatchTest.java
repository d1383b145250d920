package org.reviewdesk.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.platform.OperatorWarning;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Dispatching SMS to a real HTTP gateway (a JDK HttpServer) from the shared database. */
@ApplicationTest
class SmsDispatchTest {

    @Autowired Outbox sharedOutbox;
    @Autowired OutboxRows rows;
    @Autowired FailedMessagesWarning failedWarning;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    SmsGateway gateway;
    NotificationProperties properties;
    Outbox outbox;
    TransactionTemplate transaction;

    @BeforeEach
    void startTheGateway() throws IOException {
        sharedOutbox.dispatchDue(); // what other tests left due goes to the log, not to this gateway
        gateway = new SmsGateway();
        properties = OutboxFixtures.properties(gateway.url(), "gateway-secret");
        outbox = OutboxFixtures.outbox(rows, properties, Optional.empty(), "node-a");
        transaction = OutboxFixtures.transaction(transactions);
    }

    @AfterEach
    void stopTheGateway() {
        gateway.close();
        OutboxFixtures.removeTestMessages(jdbc);
    }

    private long enqueueAccessCode(String caseRef, String code, boolean sensitive) {
        return transaction.execute(status -> outbox.enqueue(Notification.sms("13812345678", caseRef, OutboxFixtures.SMS_KEY,
                Locale.SIMPLIFIED_CHINESE, sensitive, caseRef, code)).orElseThrow());
    }

    @Test
    void aCommittedSmsReachesTheGatewayAsJsonOnce() {
        String caseRef = OutboxFixtures.newCase();
        enqueueAccessCode(caseRef, "A1B2C3", false);

        assertThat(outbox.dispatchDue()).isEqualTo(1);
        assertThat(outbox.dispatchDue()).isZero();

        assertThat(gateway.received()).singleElement().satisfies(r -> {
            assertThat(r.json()).containsEntry("mobile", "13812345678").containsEntry("caseRef", caseRef)
                    .containsEntry("text", "【四川政务服务】您的业务" + caseRef + "已受理，查询码A1B2C3，请勿告知他人。");
            assertThat(r.authorization()).isEqualTo("Bearer gateway-secret");
            assertThat(r.contentType()).startsWith("application/json");
        });
        assertThat(outbox.messagesFor(caseRef)).singleElement().satisfies(m -> assertThat(m.state()).isEqualTo(OutboxState.SENT));
    }

    @Test
    void aSensitiveBodyIsErasedOnceSent() {
        String caseRef = OutboxFixtures.newCase();
        long id = enqueueAccessCode(caseRef, "Z9Y8X7", true);
        assertThat(OutboxFixtures.column(jdbc, id, "body")).contains("Z9Y8X7");

        outbox.dispatchDue();

        assertThat(gateway.receivedFor(caseRef)).singleElement().satisfies(r -> assertThat(r.json().get("text")).contains("Z9Y8X7"));
        assertThat(OutboxFixtures.column(jdbc, id, "body")).isEqualTo("(erased after sending)");
    }

    @Test
    void aGatewayErrorIsRetriedWithBackOffThenGivenUpWithAnOperatorWarning() {
        gateway.answer(500);
        String caseRef = OutboxFixtures.newCase();
        long id = enqueueAccessCode(caseRef, "S3CR3T", true);

        assertThat(outbox.dispatchDue()).isZero();
        assertThat(nextAttemptAt(id)).isCloseTo(OffsetDateTime.now().plusSeconds(30), within(5, ChronoUnit.SECONDS));
        assertThat(outbox.dispatchDue()).as("not before the back-off").isZero();
        assertThat(gateway.receivedFor(caseRef)).hasSize(1);

        makeDue(id);
        assertThat(outbox.dispatchDue()).isZero();
        assertThat(nextAttemptAt(id)).as("doubled").isCloseTo(OffsetDateTime.now().plusSeconds(60), within(5, ChronoUnit.SECONDS));
        assertThat(outbox.messagesFor(caseRef)).singleElement().satisfies(m -> {
            assertThat(m.state()).isEqualTo(OutboxState.PENDING);
            assertThat(m.attempts()).isEqualTo(2);
        });

        makeDue(id);
        assertThat(outbox.dispatchDue()).isZero();

        assertThat(gateway.receivedFor(caseRef)).hasSize(OutboxFixtures.MAX_ATTEMPTS);
        assertThat(outbox.messagesFor(caseRef)).singleElement().satisfies(m -> {
            assertThat(m.state()).isEqualTo(OutboxState.FAILED);
            assertThat(m.attempts()).isEqualTo(OutboxFixtures.MAX_ATTEMPTS);
        });
        assertThat(OutboxFixtures.column(jdbc, id, "last_error")).isEqualTo("SMS gateway answered HTTP 500");
        assertThat(OutboxFixtures.column(jdbc, id, "body")).as("a secret nobody will send again").doesNotContain("S3CR3T");
        assertThat(failedWarning.currentWarnings()).containsExactly(
                OperatorWarning.of("notifications.warning.failed", rows.countFailed()));
        makeDue(id);
        assertThat(outbox.dispatchDue()).as("given up").isZero();
    }

    @Test
    void anUnreachableGatewayIsRetriedWithoutTheRecipientInTheError() {
        gateway.close();
        String caseRef = OutboxFixtures.newCase();
        long id = enqueueAccessCode(caseRef, "Q1W2E3", false);

        assertThat(outbox.dispatchDue()).isZero();

        assertThat(outbox.messagesFor(caseRef)).singleElement().satisfies(m -> assertThat(m.state()).isEqualTo(OutboxState.PENDING));
        assertThat(OutboxFixtures.column(jdbc, id, "last_error")).startsWith("SMS gateway unreachable")
                .doesNotContain("13812345678").doesNotContain("Q1W2E3");
    }

    @Test
    void noWarningWhileNothingHasFailed() {
        assertThat(rows.countFailed()).isZero();
        assertThat(failedWarning.currentWarnings()).isEmpty();
    }

    @Test
    void threeNodesRacingSendEachMessageExactlyOnce() throws Exception {
        String caseRef = OutboxFixtures.newCase();
        int messages = 90;
        gateway.delayAnswers(Duration.ofMillis(5));
        for (int i = 0; i < messages; i++) {
            enqueueAccessCode(caseRef, "C" + i, false);
        }
        List<Outbox> nodes = List.of(outbox, OutboxFixtures.outbox(rows, properties, Optional.empty(), "node-b"),
                OutboxFixtures.outbox(rows, properties, Optional.empty(), "node-c"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(nodes.size());
        List<Future<Integer>> rounds = new ArrayList<>();
        try {
            for (Outbox node : nodes) {
                Callable<Integer> round = () -> {
                    start.await();
                    return node.dispatchDue();
                };
                rounds.add(threads.submit(round));
            }
            start.countDown();
            int sent = 0;
            for (Future<Integer> round : rounds) {
                sent += round.get();
            }
            assertThat(sent).isEqualTo(messages);
        } finally {
            threads.shutdownNow();
        }

        Map<String, Long> timesReceived = gateway.receivedFor(caseRef).stream()
                .collect(Collectors.groupingBy(r -> r.json().get("text"), Collectors.counting()));
        assertThat(timesReceived).hasSize(messages);
        assertThat(timesReceived.values()).containsOnly(1L);
        assertThat(outbox.messagesFor(caseRef)).hasSize(messages)
                .allSatisfy(m -> {
                    assertThat(m.state()).isEqualTo(OutboxState.SENT);
                    assertThat(m.attempts()).isEqualTo(1);
                });
    }

    @Test
    void aMessageWhoseNodeDiedIsTakenOverAfterItsLease() {
        String caseRef = OutboxFixtures.newCase();
        long id = enqueueAccessCode(caseRef, "L3A5E", false);
        // node-x claimed it and died before recording the outcome
        assertThat(rows.claim(id, "node-x", OffsetDateTime.now(ZoneOffset.UTC), Duration.ofMinutes(1))).isPresent();
        assertThat(outbox.dispatchDue()).as("held by node-x").isZero();

        jdbc.sql("update outbox_message set locked_until = :past where id = :id")
                .param("past", OffsetDateTime.now().minusSeconds(1)).param("id", id).update();

        assertThat(outbox.dispatchDue()).isEqualTo(1);
        assertThat(gateway.receivedFor(caseRef)).hasSize(1);
    }

    private OffsetDateTime nextAttemptAt(long id) {
        return jdbc.sql("select next_attempt_at from outbox_message where id = :id").param("id", id)
                .query(OffsetDateTime.class).single();
    }

    /** Time passes: the back-off is over. */
    private void makeDue(long id) {
        jdbc.sql("update outbox_message set next_attempt_at = :past where id = :id")
                .param("past", OffsetDateTime.now().minusSeconds(1)).param("id", id).update();
    }
}
