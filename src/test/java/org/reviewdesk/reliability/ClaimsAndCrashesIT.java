package org.reviewdesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.reviewdesk.StaffBrowser;
import org.reviewdesk.review.Inbox;
import org.reviewdesk.staff.StaffDirectory;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.registration.RegistrationReview;
import org.reviewdesk.review.ReviewDecision;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two nodes on one database and bucket. Node "a" is the production jar in its own JVM: applicants call
 * its public API and a reviewer uses its staff UI in a headless Chromium. Node "b" is this test's own
 * Spring context: other reviewers act on it by direct service calls (the staff side has no HTTP API but
 * the Vaadin UI), and it takes over what "a" left behind. First a claim on a against acts on b; then
 * kill -9 of "a" at random moments under a steady stream of applicants and decisions, and the
 * invariants on the database and the bucket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClaimsAndCrashesIT {

    static final int ROUNDS = 3;
    static final int APPLICANT_THREADS = 3;
    static final Duration GRACE = Duration.ofSeconds(20);
    static final Duration REFRESH = Duration.ofSeconds(5);

    static ClusterNodes cluster;
    static ClusterNodes.Node a;

    @DynamicPropertySource
    static void inTheCluster(DynamicPropertyRegistry registry) {
        cluster = ClusterNodes.start().sweepOrphansAfter(GRACE)
                // a job of a killed node is taken over after this; see TwoNodesIT for the bound
                .jobLock(Duration.ofSeconds(15), Duration.ofSeconds(5))
                .inThisJvm("b", registry);
        a = cluster.node("a").start();
    }

    @AfterAll
    static void stop() {
        ClusterNodes.stop(cluster);
    }

    @Autowired
    RegistrationReview reviews;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Inbox inbox;
    @Autowired
    StaffDirectory staff;

    /** What the applicants were told: submissions answered 2xx, and every number that got a draft. */
    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    final Set<String> drafts = ConcurrentHashMap.newKeySet();
    /** Decisions answered by node b: number -> APPROVED or REJECTED. */
    final Map<String, String> decided = new ConcurrentHashMap<>();
    final AtomicInteger answeredCalls = new AtomicInteger();
    /** Applicants who gave up a draft: a call not answered (the node died under it). */
    final AtomicInteger unansweredCalls = new AtomicInteger();
    /** Calls sent again while the node was down or stopping (refused connection or 5xx). */
    final AtomicInteger retries = new AtomicInteger();

    @Test
    @Order(1)
    void aTaskClaimedOnOneNodeCannotBeClaimedOrDecidedOnTheOtherAndADecisionThereLeavesTheFirstNodesOpenInbox()
            throws Exception {
        a.awaitReady();
        ClusterNodes.createBrowserUser(staff, "claim-a", "审核员 甲", Role.REVIEWER);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            numbers.add(Applicant.submitted(cluster.sms(), a.baseUrl()).number);
        }
        Awaitility.await("both in review").atMost(Duration.ofMinutes(3)).until(() -> jdbc.sql(
                "select count(*) from review_task where business_key in (:n)").param("n", numbers).query(Integer.class).single() == 2);
        String claimed = numbers.get(0);
        String other = numbers.get(1);
        String claimedTask = jdbc.sql("select task_id from review_task where business_key = :n").param("n", claimed)
                .query(String.class).single();
        CurrentUser onB = new CurrentUser("claim-b", Set.of(Role.REVIEWER));

        try (StaffBrowser browser = new StaffBrowser(a.baseUrl().getPort(), 1366, 900)) {
            browser.signIn("claim-a");
            browser.open("/review/task/" + claimedTask);
            browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("review-claim"))).click();
            // counted, not read: the assignee is null until the claim commits, and single() refuses a null
            Awaitility.await("the claim on node a").atMost(Duration.ofMinutes(1)).until(() -> jdbc.sql(
                    "select count(*) from act_ru_task where id_ = :t and assignee_ = 'claim-a'").param("t", claimedTask)
                    .query(Integer.class).single() == 1);

            assertThatThrownBy(() -> inbox.claim(claimedTask, onB)).as("a claim on node b")
                    .isInstanceOfSatisfying(UserFacingException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("review.task.alreadyHandled"));
            assertThatThrownBy(() -> reviews.decide(claimed, new ReviewDecision.Approve(null), onB)).as("a decision on node b")
                    .isInstanceOf(UserFacingException.class);
            assertThat(jdbc.sql("select state from registration_application where number = :n").param("n", claimed)
                    .query(String.class).single()).isEqualTo("IN_REVIEW");
            assertThat(jdbc.sql("select assignee_ from act_ru_task where id_ = :t").param("t", claimedTask)
                    .query(String.class).single()).isEqualTo("claim-a");

            browser.open("/review/inbox");
            browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("tab-UNCLAIMED"))).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("inbox-grid"), other));
            reviews.decide(other, new ReviewDecision.Approve(null), onB);
            long decidedAt = System.nanoTime();
            // pushed by node a's own refresh (every 5 s), no reload: the open inbox drops the decided task
            new WebDriverWait(browser.driver(), REFRESH.plusSeconds(25)).until(ExpectedConditions.not(
                    ExpectedConditions.textToBePresentInElementLocated(By.id("inbox-grid"), other)));
            System.out.printf("[reliability] a decision on node b left node a's open inbox after %d ms (refresh interval %d s)%n",
                    (System.nanoTime() - decidedAt) / 1_000_000, REFRESH.toSeconds());
        }
    }

    @Test
    @Order(2)
    void killedAtRandomMomentsUnderLoadTheClusterKeepsEveryAnsweredSubmissionAndDecisionOnce() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(APPLICANT_THREADS + 1);
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < APPLICANT_THREADS; i++) {
            workers.add(load.submit(() -> applicants(running)));
        }
        workers.add(load.submit(() -> reviewer(running)));

        List<Long> restartSeconds = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            // a random moment: after a random number of answered calls since the node came up
            int target = answeredCalls.get() + ThreadLocalRandom.current().nextInt(3, 20);
            Awaitility.await("load on node a").atMost(Duration.ofMinutes(3)).until(() -> answeredCalls.get() >= target);
            a.kill();
            a.start().awaitReady();
            restartSeconds.add(a.startTime().toSeconds());
        }
        int finalTarget = answeredCalls.get() + 10;
        Awaitility.await("load after the last restart").atMost(Duration.ofMinutes(3)).until(() -> answeredCalls.get() >= finalTarget);
        running.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(3, TimeUnit.MINUTES)).isTrue();
        for (Future<?> worker : workers) {
            worker.get();
        }

        // every acknowledged submission's checks ran (on whichever node survived), so nothing waits in a job
        Awaitility.await("the checks of every submission").atMost(Duration.ofMinutes(3)).untilAsserted(() ->
                assertThat(jdbc.sql("select count(*) from registration_application where state = 'SUBMITTED'")
                        .query(Integer.class).single()).isZero());

        everyAnsweredSubmissionExistsOnceWithItsProcessAndDocuments();
        noSubmissionIsHalfThere();
        everyAnsweredDecisionIsKeptOnceAndOpensOneAccount();
        long duplicates = everyMessageIsSentAtLeastOnce();
        bucketAndRecordsAgreeAfterTheGrace();

        System.out.printf("[reliability] crashes: %d kill -9 rounds (restarts %s s); %d calls answered, %d drafts given up "
                        + "unanswered, %d calls retried while the node was down; %d drafts, %d submissions answered, "
                        + "%d decisions answered; %d SMS received, %d duplicates%n",
                ROUNDS, restartSeconds, answeredCalls.get(), unansweredCalls.get(), retries.get(), drafts.size(), acknowledged.size(),
                decided.size(), cluster.sms().received().size(), duplicates);
    }

    private void applicants(AtomicBoolean running) {
        while (running.get()) {
            Applicant applicant = new Applicant(cluster.sms());
            try {
                if (!count(applicant.createDraft(a.baseUrl())).ok()) {
                    continue;
                }
                drafts.add(applicant.number);
                for (String slot : Applicant.SLOTS) {
                    // a lost answer is retried as a front end would; a new version is no harm in a draft
                    awaitAnswer(() -> applicant.upload(a.baseUrl(), slot));
                }
                Applicant.Answer submitted = awaitAnswer(() -> applicant.submit(a.baseUrl()));
                if (submitted.ok()) {
                    acknowledged.add(applicant.number);
                }
            } catch (IOException | org.awaitility.core.ConditionTimeoutException e) {
                unansweredCalls.incrementAndGet();
                System.out.printf("[reliability] applicant %s: %s%n", applicant.number, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private interface Call {
        Applicant.Answer send() throws IOException, InterruptedException;
    }

    /** Sends until the node answers (it may be down for a restart); a 5xx while it stops counts as unanswered too. */
    private Applicant.Answer awaitAnswer(Call call) {
        return Awaitility.await("an answer").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(300))
                .ignoreExceptions().until(() -> {
                    try {
                        Applicant.Answer answer = count(call.send());
                        return answer.status() >= 500 ? null : answer;
                    } catch (IOException e) {
                        retries.incrementAndGet();
                        throw e;
                    }
                }, answer -> answer != null);
    }

    private Applicant.Answer count(Applicant.Answer answer) {
        (answer.status() >= 500 ? retries : answeredCalls).incrementAndGet();
        if (!answer.ok()) {
            System.out.printf("[reliability] answer %d: %.300s%n", answer.status(), answer.body());
        }
        return answer;
    }

    private void reviewer(AtomicBoolean running) {
        CurrentUser reviewer = new CurrentUser("crash-reviewer", Set.of(Role.REVIEWER));
        String reason = reviews.rejectionReasons(reviewer).get(0).code();
        boolean approve = true;
        while (running.get()) {
            List<String> inReview = jdbc.sql("select number from registration_application where state = 'IN_REVIEW' order by id")
                    .query(String.class).list();
            if (inReview.isEmpty()) {
                Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                        .until(() -> !running.get() || jdbc.sql("select count(*) from registration_application where state = 'IN_REVIEW'")
                                .query(Integer.class).single() > 0);
                continue;
            }
            for (String number : inReview) {
                ReviewDecision decision = approve ? new ReviewDecision.Approve(null)
                        : new ReviewDecision.Reject(List.of(reason), "可靠性测试：材料不全");
                try {
                    reviews.decide(number, decision, reviewer);
                    decided.put(number, approve ? "APPROVED" : "REJECTED");
                    approve = !approve;
                } catch (UserFacingException refused) {
                    // e.g. the task is not there yet: the checks job of a killed node waits for its lock
                }
            }
        }
    }

    private void everyAnsweredSubmissionExistsOnceWithItsProcessAndDocuments() {
        for (String number : acknowledged) {
            assertThat(jdbc.sql("select count(*) from registration_application where number = :n and submitted_at is not null")
                    .param("n", number).query(Integer.class).single()).as("application %s", number).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from act_hi_procinst where business_key_ = :n").param("n", number)
                    .query(Integer.class).single()).as("process instances of %s", number).isEqualTo(1);
            assertThat(jdbc.sql("select count(distinct slot) from document where case_ref = :n").param("n", number)
                    .query(Integer.class).single()).as("documents of %s", number).isEqualTo(Applicant.SLOTS.size());
        }
    }

    private void noSubmissionIsHalfThere() {
        assertThat(jdbc.sql("""
                select count(*) from registration_application r where r.submitted_at is not null
                and (select count(*) from act_hi_procinst p where p.business_key_ = r.number) <> 1""")
                .query(Integer.class).single()).as("submitted without exactly one process").isZero();
        assertThat(jdbc.sql("""
                select count(*) from registration_application r where r.submitted_at is null
                and exists (select 1 from act_hi_procinst p where p.business_key_ = r.number)""")
                .query(Integer.class).single()).as("a process without a submission").isZero();
        assertThat(jdbc.sql("select count(*) from registration_application where state = 'DRAFT' and number in (:n)")
                .param("n", List.copyOf(acknowledged)).query(Integer.class).single()).as("acknowledged but still a draft").isZero();
    }

    private void everyAnsweredDecisionIsKeptOnceAndOpensOneAccount() {
        assertThat(decided).isNotEmpty();
        decided.forEach((number, state) -> {
            assertThat(jdbc.sql("select state from registration_application where number = :n").param("n", number)
                    .query(String.class).single()).as("decision on %s", number).isEqualTo(state);
            assertThat(jdbc.sql("""
                    select count(*) from registration_event e join registration_application r on r.id = e.application_id
                    where r.number = :n and e.kind like 'DECIDED_%'""").param("n", number).query(Integer.class).single())
                    .as("decisions recorded on %s", number).isEqualTo(1);
        });
        assertThat(jdbc.sql("""
                select count(*) from registration_application r where r.state = 'APPROVED'
                and (select count(*) from enterprise_account a where a.source_case_ref = r.number) <> 1""")
                .query(Integer.class).single()).as("approved applications without exactly one account").isZero();
        assertThat(jdbc.sql("""
                select count(*) from enterprise_account a join registration_application r on r.number = a.source_case_ref
                where r.state <> 'APPROVED'""").query(Integer.class).single()).as("accounts of applications not approved").isZero();
    }

    /** Every SMS the outbox holds reached the gateway at least once; returns how many arrived more than once. */
    private long everyMessageIsSentAtLeastOnce() {
        Awaitility.await("every SMS sent").atMost(Duration.ofMinutes(3)).untilAsserted(() ->
                assertThat(jdbc.sql("select count(*) from outbox_message where channel = 'SMS' and state <> 'SENT'")
                        .query(Integer.class).single()).isZero());
        Map<String, Long> received = cluster.sms().received().stream()
                .collect(Collectors.groupingBy(SmsGateway.Sms::mobile, Collectors.counting()));
        Map<String, Integer> queued = new java.util.HashMap<>();
        jdbc.sql("select recipient, count(*) from outbox_message where channel = 'SMS' group by recipient")
                .query((rs, i) -> queued.put(rs.getString(1), rs.getInt(2))).list();
        long duplicates = 0;
        for (Map.Entry<String, Integer> entry : queued.entrySet()) {
            long arrived = received.getOrDefault(entry.getKey(), 0L);
            assertThat(arrived).as("SMS to %s", entry.getKey()).isGreaterThanOrEqualTo(entry.getValue());
            duplicates += arrived - entry.getValue();
        }
        return duplicates;
    }

    private void bucketAndRecordsAgreeAfterTheGrace() {
        MinioClient s3 = cluster.s3Client();
        Awaitility.await("the orphan sweep after its grace of " + GRACE).atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    Set<String> objects = new HashSet<>();
                    for (Result<Item> item : s3.listObjects(ListObjectsArgs.builder().bucket(ClusterNodes.BUCKET)
                            .prefix("documents/").recursive(true).build())) {
                        objects.add(item.get().objectName());
                    }
                    Set<String> records = new HashSet<>(jdbc.sql("select storage_key from document").query(String.class).list());
                    assertThat(objects).as("objects without a record").isSubsetOf(records);
                    assertThat(records).as("records without an object").isSubsetOf(objects);
                });
    }
}
