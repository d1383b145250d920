package org.reviewdesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two nodes of the production jar on one PostgreSQL and one S3 server, started at the same moment
 * on an empty database, then used as an operator's load balancer would: each call to any node.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    /** Shortened from the production 60 s so the takeover test stays short; the bound scales with it. */
    static final Duration JOB_LOCK = Duration.ofSeconds(20);
    static final Duration JOB_MAX_WAIT = Duration.ofSeconds(10);

    static ClusterNodes cluster;
    static ClusterNodes.Node a;
    static ClusterNodes.Node b;

    @BeforeAll
    static void startTwoNodesTogether() {
        cluster = ClusterNodes.start().jobLock(JOB_LOCK, JOB_MAX_WAIT).sweepOrphansAfter(Duration.ofSeconds(20));
        a = cluster.node("a").start();
        b = cluster.node("b").start();
    }

    @AfterAll
    static void stop() {
        ClusterNodes.stop(cluster);
    }

    @Test
    @Order(1)
    void bothNodesStartedTogetherOnAnEmptyDatabaseBecomeReady() {
        a.awaitReady();
        b.awaitReady();
        System.out.printf("[reliability] two nodes on an empty database: a ready after %d s, b after %d s%n",
                a.startTime().toSeconds(), b.startTime().toSeconds());

        assertThat(a.alive() && b.alive()).isTrue();
        assertThat(a.logText()).doesNotContain("ENGINE-03015").contains("Holding the Camunda schema lock");
        assertThat(b.logText()).doesNotContain("ENGINE-03015").contains("Holding the Camunda schema lock");
        assertThat(cluster.jdbc().sql("select count(*) from flyway_schema_history where not success").query(Integer.class).single())
                .isZero();
        assertThat(cluster.jdbc().sql("select count(*) from staff_user").query(Integer.class).single())
                .as("one first administrator, not one per node").isEqualTo(1);
    }

    @Test
    @Order(2)
    void applicationsWhoseCallsGoToEitherNodeAreKeptOnceAndEveryMessageIsSentOnce() throws Exception {
        // every call to the other node than the one before: nothing of an applicant lives in a node
        List<Applicant> applicants = Applicant.submittedAcross(cluster.sms(), 6, a.baseUrl(), b.baseUrl());
        List<String> numbers = applicants.stream().map(x -> x.number).toList();

        // the checks job ran on one node or the other: each application waits for its review, once
        Awaitility.await("the checks of every application").atMost(Duration.ofMinutes(3)).untilAsserted(() ->
                assertThat(cluster.jdbc().sql("select count(*) from review_task where business_key in (:n)")
                        .param("n", numbers).query(Integer.class).single()).isEqualTo(numbers.size()));
        Awaitility.await("every message sent").atMost(Duration.ofMinutes(2)).untilAsserted(() ->
                assertThat(cluster.jdbc().sql("select count(*) from outbox_message where state <> 'SENT' and channel = 'SMS'")
                        .query(Integer.class).single()).isZero());

        Map<String, Long> sentPerMobile = cluster.sms().received().stream()
                .collect(Collectors.groupingBy(SmsGateway.Sms::mobile, Collectors.counting()));
        for (Applicant applicant : applicants) {
            int queued = cluster.jdbc().sql("select count(*) from outbox_message where recipient = :m and channel = 'SMS'")
                    .param("m", applicant.mobile).query(Integer.class).single();
            assertThat(queued).as("the mobile code, the draft's access code, the acceptance").isGreaterThanOrEqualTo(3);
            assertThat(sentPerMobile.get(applicant.mobile)).as("messages to %s at the gateway", applicant.mobile)
                    .isEqualTo((long) queued);
        }
        System.out.printf("[reliability] two nodes: %d applications across nodes, %d SMS queued, %d received by the gateway%n",
                numbers.size(), cluster.jdbc().sql("select count(*) from outbox_message").query(Integer.class).single(),
                cluster.sms().received().size());
    }

    @Test
    @Order(3)
    void oneNodeSweepsEachOrphanedObject() throws Exception {
        MinioClient s3 = cluster.s3Client();
        List<String> orphans = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String key = "documents/orphan-" + UUID.randomUUID();
            byte[] bytes = "an upload whose record never committed".getBytes();
            s3.putObject(PutObjectArgs.builder().bucket(ClusterNodes.BUCKET).object(key)
                    .stream(new ByteArrayInputStream(bytes), bytes.length, -1).build());
            orphans.add(key);
        }

        Awaitility.await("the orphans swept after their grace").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    for (String key : orphans) {
                        if (exists(s3, key)) {
                            return false;
                        }
                    }
                    return true;
                });
        for (String key : orphans) {
            long nodesThatDeletedIt = List.of(a, b).stream().filter(node -> node.logText().contains(key)).count();
            assertThat(nodesThatDeletedIt).as("nodes that deleted %s", key).isEqualTo(1);
        }
        assertThat(cluster.jdbc().sql("select locked_by from scheduled_lock where name = 'documents.orphan-sweep'")
                .query(String.class).single()).isNotBlank();
    }

    private static boolean exists(MinioClient s3, String key) throws Exception {
        try {
            s3.statObject(StatObjectArgs.builder().bucket(ClusterNodes.BUCKET).object(key).build());
            return true;
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())) {
                return false;
            }
            throw e;
        }
    }

    /**
     * A job whose node dies while running it: the test blocks the checks job's last write (the inbox row)
     * with a table lock, kills the node whose connection waits on it, and releases the lock; the job's
     * lock then expires and the surviving node runs it, within lock time + max wait of the job executor.
     */
    @Test
    @Order(4)
    void aJobLockedByANodeKilledWhileRunningItIsTakenOverWithinTheLockTimePlusMaxWait() throws Exception {
        Applicant applicant = new Applicant(cluster.sms());
        assertThat(applicant.createDraft(a.baseUrl()).status()).isEqualTo(201);
        for (String slot : Applicant.SLOTS) {
            assertThat(applicant.upload(a.baseUrl(), slot).status()).isEqualTo(201);
        }
        ClusterNodes.Node killed;
        Instant killedAt;
        try (Connection blocker = cluster.lockTable("review_task")) {
            assertThat(applicant.submit(a.baseUrl()).status()).isEqualTo(200);
            // a node running the checks job, waiting to write the inbox row
            String holder = cluster.awaitNodeWaitingOnLock("a", "b");
            assertThat(cluster.jdbc().sql("""
                    select count(*) from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_
                    where e.business_key_ = :n and j.lock_owner_ is not null""").param("n", applicant.number)
                    .query(Integer.class).single()).as("the job is locked by the node running it").isEqualTo(1);
            killed = holder.equals("a") ? a : b;
            killed.kill();
            killedAt = Instant.now();
            blocker.rollback();
        }

        Duration bound = JOB_LOCK.plus(JOB_MAX_WAIT).plusSeconds(30);
        Awaitility.await("the checks job run by the surviving node").atMost(bound).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(cluster.jdbc().sql("select count(*) from review_task where business_key = :n")
                        .param("n", applicant.number).query(Integer.class).single()).isEqualTo(1));
        Duration takeover = Duration.between(killedAt, Instant.now());
        System.out.printf("[reliability] job lock %d s, max wait %d s: the dead node's job ran on the other node %d s after the kill%n",
                JOB_LOCK.toSeconds(), JOB_MAX_WAIT.toSeconds(), takeover.toSeconds());
        assertThat(cluster.jdbc().sql("""
                select count(*) from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_
                where e.business_key_ = :n and j.exception_msg_ is not null""").param("n", applicant.number)
                .query(Integer.class).single()).as("no failed retry left behind").isZero();
    }
}
