package org.reviewdesk.registration.api;

import org.reviewdesk.registration.RegistrationProcess;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.registration.api.RegistrationApiClient.Answer;
import org.reviewdesk.registration.api.RegistrationApiClient.Draft;
import org.reviewdesk.registration.api.RegistrationApiClient.Rows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Retries and double clicks create one application and start one process; of two racing codes one wins. */
@ApplicationTest
class RegistrationApiIdempotencyTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired RuntimeService runtime;

    @Test
    void aRetryWithTheSameKeyAndBodyGivesTheSameDraftButItsNewCodeOnlyBySms() throws Exception {
        RegistrationApiClient api = new RegistrationApiClient(port, jdbc);
        Map<String, Object> form = api.proven(RegistrationApiClient.validForm());
        String key = UUID.randomUUID().toString();
        Rows before = Rows.in(jdbc);

        Answer first = api.create(form, null, key);
        Answer retry = api.create(form, "en", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        String number = first.json().get("applicationNumber").asText();
        assertThat(retry.json().get("applicationNumber").asText()).isEqualTo(number);
        assertThat(retry.json().has("accessCode")).as("no code in a retry's answer").isFalse();
        assertThat(retry.json().get("notice").asText()).contains("SMS only").contains("138****5678");
        assertThat(Rows.in(jdbc).applications()).isEqualTo(before.applications() + 1);
        String smsCode = newestAccessCodeSms(number);
        assertThat(api.status(new Draft(number, smsCode), null).status()).as("the code the SMS brought works").isEqualTo(200);
        assertThat(api.status(new Draft(number, first.json().get("accessCode").asText()), null).status())
                .as("the first code stops working").isEqualTo(401);
        jdbc.sql("delete from login_throttle where throttle_key like 'applicant:%'").update();
    }

    @Test
    void aRetryWithTheSameKeyAndAnotherBodyIsRefusedAndLearnsNothing() throws Exception {
        RegistrationApiClient api = new RegistrationApiClient(port, jdbc);
        String key = UUID.randomUUID().toString();
        Answer first = api.create(RegistrationApiClient.validForm(), null, key);
        assertThat(first.status()).isEqualTo(201);
        String number = first.json().get("applicationNumber").asText();
        long reissued = reissuedCodes(number);

        Answer other = api.create(RegistrationApiClient.validForm(), null, key);
        Answer otherInEnglish = api.create(RegistrationApiClient.validForm(), "en", key);

        assertThat(other.status()).as(other.body()).isEqualTo(409);
        assertThat(other.json().get("code").asText()).isEqualTo("registration.idempotencyKey.reused");
        assertThat(other.body()).doesNotContain(number).doesNotContain("accessCode");
        assertThat(otherInEnglish.json().get("message").asText()).startsWith("This Idempotency-Key was used with a different request");
        assertThat(reissuedCodes(number)).as("no new code was made or sent").isEqualTo(reissued);
    }

    /** The access code in the newest SMS to the application, read from the outbox as a tester would. */
    private String newestAccessCodeSms(String number) {
        String body = jdbc.sql("""
                        select body from outbox_message where case_ref = :number and message_key = 'registration.notice.accessCode.sms'
                         order by id desc""").param("number", number).query(String.class).list().get(0);
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("查询码为([2-9A-Z]{8})").matcher(body);
        assertThat(code.find()).as(body).isTrue();
        return code.group(1);
    }

    private long reissuedCodes(String number) {
        return jdbc.sql("""
                        select count(*) from outbox_message where case_ref = :number and message_key = 'registration.notice.accessCode.sms'""")
                .param("number", number).query(Long.class).single();
    }

    @Test
    void aDoubleSubmitStartsOneProcess() throws Exception {
        RegistrationApiClient api = new RegistrationApiClient(port, jdbc);
        Draft draft = api.completeDraft(RegistrationApiClient.validForm());

        List<Answer> answers = atOnce(() -> api.submit(draft), () -> api.submit(draft));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isEqualTo(200));
        assertThat(answers.get(0).json()).isEqualTo(answers.get(1).json());
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(RegistrationProcess.KEY)
                .processInstanceBusinessKey(draft.number()).count()).isEqualTo(1);
    }

    @Test
    void ofTwoDraftsWithTheSameCodeSubmittedAtOnceOneWinsAndTheOtherIsNotToldItsNumber() throws Exception {
        RegistrationApiClient api = new RegistrationApiClient(port, jdbc);
        Map<String, Object> form = RegistrationApiClient.validForm();
        Draft one = api.completeDraft(form);
        Draft two = api.completeDraft(form);
        Map<Draft, String> before = Map.of(one, settled(api.status(one, null).body()), two, settled(api.status(two, null).body()));

        List<Answer> answers = atOnce(() -> api.submit(one), () -> api.submit(two));

        List<Integer> statuses = answers.stream().map(Answer::status).sorted().toList();
        assertThat(statuses).as(answers.get(0).body() + " / " + answers.get(1).body()).containsExactly(200, 409);
        int winner = answers.get(0).status() == 200 ? 0 : 1;
        Draft won = winner == 0 ? one : two;
        Draft lost = winner == 0 ? two : one;
        Answer refusal = answers.get(1 - winner);
        assertThat(refusal.json().get("code").asText()).isEqualTo("registration.uscc.openApplication");
        assertThat(refusal.body()).doesNotContain(won.number());
        assertThat(api.status(lost, null).json().at("/state/code").asText()).isEqualTo("DRAFT");
        assertThat(settled(api.status(lost, null).body())).as("the loser's draft is unchanged").isEqualTo(before.get(lost));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(lost.number()).count()).isZero();
    }

    /** A status body without the preview states, which the background rendering changes in between. */
    private static String settled(String statusBody) {
        return statusBody.replaceAll("\"previewState\":\"[A-Z]+\"", "\"previewState\":\"?\"");
    }

    /** Runs both calls released by one latch, as two clicks or two devices at the same moment. */
    @SafeVarargs
    private static List<Answer> atOnce(Callable<Answer>... calls) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Answer>> futures = new ArrayList<>();
            for (Callable<Answer> call : calls) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }
}
