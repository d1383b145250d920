package org.reviewdesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.registration.RegistrationReview;
import org.reviewdesk.review.ReviewDecision;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The registration's timers with three job executors on one database: nodes "a" and "b" (the
 * production jar, each its own JVM) and node "c" (this test's Spring context, which also decides by
 * direct service calls). Both timers are dates in working days ({@code reviewDue}, {@code supplementDue});
 * the test moves their jobs' due dates into the past in the database, as the calendar would, and counts
 * the effects: each timer fires exactly once across the cluster.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TimersAcrossNodesIT {

    static final int EACH = 3;
    static final String WITHDRAWN_SMS = "registration.notice.withdrawn.sms";

    static ClusterNodes cluster;
    static ClusterNodes.Node a;
    static ClusterNodes.Node b;

    @DynamicPropertySource
    static void inTheCluster(DynamicPropertyRegistry registry) {
        cluster = ClusterNodes.start().inThisJvm("c", registry);
        a = cluster.node("a").start();
        b = cluster.node("b").start();
    }

    @AfterAll
    static void stop() {
        ClusterNodes.stop(cluster);
    }

    @Autowired
    RegistrationReview reviews;
    @Autowired
    JdbcClient jdbc;

    @Test
    void reviewOverdueAndSupplementDeadlineEachFireOnceAcrossTheCluster() throws Exception {
        a.awaitReady();
        b.awaitReady();
        List<Applicant> overdue = submitted(EACH);
        List<Applicant> unanswered = submitted(EACH);
        List<String> numbers = Stream.concat(overdue.stream(), unanswered.stream()).map(x -> x.number).toList();
        Awaitility.await("every application in review").atMost(Duration.ofMinutes(3)).until(() -> jdbc.sql(
                "select count(*) from review_task where business_key in (:n)").param("n", numbers).query(Integer.class).single()
                == numbers.size());
        CurrentUser reviewer = new CurrentUser("timer-reviewer", Set.of(Role.REVIEWER));
        for (Applicant applicant : unanswered) {
            reviews.decide(applicant.number, ReviewDecision.RequestDocuments.of(List.of(Applicant.SLOTS.get(0)), "照片模糊"), reviewer);
        }
        assertThat(states(unanswered)).containsOnly("AWAITING_SUPPLEMENT");

        // one timer per application: the open review's overdue timer, or the request's deadline
        int moved = jdbc.sql("""
                update act_ru_job set duedate_ = current_timestamp - interval '1 minute'
                where type_ = 'timer' and process_instance_id_ in
                    (select proc_inst_id_ from act_ru_execution where business_key_ in (:n))""")
                .param("n", numbers).update();
        assertThat(moved).isEqualTo(numbers.size());
        long dueAt = System.nanoTime();

        Awaitility.await("every timer fired").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() ->
                applicationsWith(overdue, "ESCALATED") == EACH && states(unanswered).equals(List.of("WITHDRAWN", "WITHDRAWN", "WITHDRAWN")));
        System.out.printf("[reliability] timers: %d overdue reviews escalated and %d unanswered requests withdrawn %d ms after "
                + "their due dates were moved into the past, with three job executors%n", EACH, EACH, (System.nanoTime() - dueAt) / 1_000_000);
        Awaitility.await("no timer left and every SMS sent").atMost(Duration.ofMinutes(2)).until(() ->
                jdbc.sql("""
                        select count(*) from act_ru_job where type_ = 'timer' and process_instance_id_ in
                            (select proc_inst_id_ from act_ru_execution where business_key_ in (:n))""")
                        .param("n", numbers).query(Integer.class).single() == 0
                && jdbc.sql("select count(*) from outbox_message where channel = 'SMS' and state <> 'SENT' and case_ref in (:n)")
                        .param("n", numbers).query(Integer.class).single() == 0);

        assertThat(events(overdue, "ESCALATED")).as("escalations per overdue review").containsOnly(Map.entry(1, EACH));
        assertThat(events(unanswered, "WITHDRAWN")).as("withdrawals per unanswered request").containsOnly(Map.entry(1, EACH));
        assertThat(events(overdue, "WITHDRAWN")).as("no overdue review withdrawn").isEmpty();
        assertThat(jdbc.sql("""
                select count(*) from review_task_group g join review_task t on t.task_id = g.task_id
                where t.business_key in (:n) and g.group_id = 'supervisors'""").param("n", numbers(overdue))
                .query(Integer.class).single()).as("supervisors offered each overdue review once").isEqualTo(EACH);
        for (Applicant applicant : unanswered) {
            assertThat(jdbc.sql("select count(*) from outbox_message where case_ref = :n and message_key = :key")
                    .param("n", applicant.number).param("key", WITHDRAWN_SMS).query(Integer.class).single())
                    .as("withdrawal SMS queued for %s", applicant.number).isEqualTo(1);
            int queued = jdbc.sql("select count(*) from outbox_message where recipient = :m and channel = 'SMS'")
                    .param("m", applicant.mobile).query(Integer.class).single();
            long received = cluster.sms().received().stream().filter(sms -> sms.mobile().equals(applicant.mobile)).count();
            assertThat(received).as("SMS to %s at the gateway, each once", applicant.mobile).isEqualTo(queued);
        }
    }

    /** {@code count} applications submitted through the public API, each call to the other node than the one before. */
    private List<Applicant> submitted(int count) throws Exception {
        return Applicant.submittedAcross(cluster.sms(), count, a.baseUrl(), b.baseUrl());
    }

    private static List<String> numbers(List<Applicant> applicants) {
        return applicants.stream().map(x -> x.number).toList();
    }

    private List<String> states(List<Applicant> applicants) {
        return jdbc.sql("select state from registration_application where number in (:n)").param("n", numbers(applicants))
                .query(String.class).list();
    }

    private int applicationsWith(List<Applicant> applicants, String kind) {
        return events(applicants, kind).values().stream().mapToInt(Integer::intValue).sum();
    }

    /** How many applications have recorded the event how many times: times -> applications; none when no event. */
    private Map<Integer, Integer> events(List<Applicant> applicants, String kind) {
        List<Integer> perApplication = jdbc.sql("""
                select count(*) from registration_event e join registration_application r on r.id = e.application_id
                where r.number in (:n) and e.kind = :kind group by r.number""")
                .param("n", numbers(applicants)).param("kind", kind).query(Integer.class).list();
        return perApplication.stream().collect(Collectors.groupingBy(times -> times, Collectors.summingInt(times -> 1)));
    }
}
