package org.reviewdesk.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pieces {@link SessionHeapBenchmark} measures with, checked so that the benchmark cannot silently
 * measure something else: its reviewer signs in, the inbox view is really built (the ui-navigate answer
 * mentions it), the push WebSocket it opens gets Atmosphere's first message, and a new task makes the
 * inbox's poll push a refresh ({@code "async":true}) down that same connection. An IT: it needs a Vaadin
 * servlet no Karibu test has touched in the same JVM.
 */
@ApplicationTest
class SessionHeapBenchmarkIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    InboxPush push;

    @Test
    void theBenchmarksPushConnectionReceivesTheInboxRefresh() throws Exception {
        push.poll(); // the marker as it is now: the next poll pushes only for the task below
        SessionHeapBenchmark.Reviewer reviewer = SessionHeapBenchmark.openInbox(port);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> reviewer.messages().get() > 0);
            int[] seen = {reviewer.messages().get()};
            assertThat(SessionHeapBenchmark.pushed(List.of(reviewer), seen)).isZero();

            SessionHeapBenchmark.newTask(jdbc);
            push.poll();

            await().atMost(Duration.ofSeconds(60)).until(() -> SessionHeapBenchmark.pushed(List.of(reviewer), seen) == 1);
        } finally {
            reviewer.socket().abort();
            // the benchmark's task is a bare projection row: other tests sharing the context must not see it
            jdbc.sql("delete from review_task_group where task_id in (select task_id from review_task where case_ref like 'BENCH-%')").update();
            jdbc.sql("delete from review_task where case_ref like 'BENCH-%'").update();
            push.poll();
        }
    }
}
