package org.reviewdesk.review;

import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.reviewdesk.ReviewDeskApplication;
import org.reviewdesk.StaffHttpClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Heap retained per open reviewer session: N staff sessions signed in over HTTP, each with a Vaadin
 * UI showing the inbox (the application is {@code @Push}: the UI registers for inbox pushes), then
 * the heap in use after a full collection, at 0 sessions and at N. A plain main class (see
 * docs/benchmarks.md); it prints figures and asserts nothing. Run it with the JVM options of the
 * README, so the collector is the production one.
 */
final class SessionHeapBenchmark {

    private static final String INBOX = "review/inbox";

    public static void main(String[] args) throws Exception {
        int sessions = Integer.getInteger("bench.sessions", 200);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ReviewDeskApplication.class)
                .run("--server.port=0", "--reviewdesk.data-dir=target/bench-sessions",
                        "--spring.datasource.url=jdbc:h2:mem:bench-sessions;DB_CLOSE_DELAY=-1",
                        "--reviewdesk.demo-data=true", "--logging.level.root=warn");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            // the first session loads the classes and caches every later one shares
            openInbox(port);
            long before = heapAfterFullGc();
            List<StaffHttpClient> clients = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                clients.add(openInbox(port));
            }
            // the clients' own objects leave the heap; the server keeps its sessions and UIs
            clients.clear();
            long after = heapAfterFullGc();
            // proves the sessions are still held when the heap is read
            double open = app.getBean(MeterRegistry.class).get("tomcat.sessions.active.current").gauge().value();
            System.out.printf("heap in use after a full GC: %.1f MiB with 1 session, %.1f MiB with %d more (%.0f sessions open): %.0f KiB per session%n",
                    before / 1048576.0, after / 1048576.0, sessions, open, (after - before) / 1024.0 / sessions);
        } finally {
            app.close();
        }
    }

    /** Signs in as the demo reviewer and opens the inbox the way the browser's first two requests do. */
    private static StaffHttpClient openInbox(int port) throws Exception {
        StaffHttpClient client = new StaffHttpClient(port);
        expect(client.login("reviewer", "ReviewDesk2026"), 302);
        expect(client.get("/" + INBOX), 200);
        HttpResponse<String> ui = client.get("/?v-r=init&location=" + URLEncoder.encode(INBOX, StandardCharsets.UTF_8) + "&query=");
        expect(ui, 200);
        if (!ui.body().contains("\"v-uiId\"")) {
            throw new IllegalStateException("no UI was created: " + ui.body().substring(0, Math.min(300, ui.body().length())));
        }
        return client;
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ", not " + status);
        }
    }

    private static long heapAfterFullGc() {
        // the dropped clients' selector threads end only after their client was collected: collect until
        // the used heap stops falling
        long[] last = {Long.MAX_VALUE};
        Awaitility.await("the heap to settle after full collections").atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    System.gc();
                    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                    boolean settled = used >= last[0] * 99 / 100;
                    last[0] = Math.min(last[0], used);
                    return settled;
                });
        return last[0];
    }
}
