package org.reviewdesk.review;

import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;
import org.awaitility.Awaitility;
import org.reviewdesk.ReviewDeskApplication;
import org.reviewdesk.StaffHttpClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Heap retained per open reviewer session with push on: N staff sessions signed in over HTTP, each with a
 * Vaadin UI showing the inbox (the browser's first two requests), and each with the push connection a
 * browser then opens (Atmosphere over WebSocket, {@code /VAADIN/push}, with the UI's id and the session's
 * push id from the init answer). The heap in use after full collections at 1 session and at N+1, with every
 * connection open; then a new task makes the server push an inbox refresh, and the benchmark counts the
 * sessions whose connection received it (so the figure is with push working, not merely configured); last,
 * the classes the sessions hold (a class histogram of the live heap). A plain main class (see
 * docs/benchmarks.md); it prints figures and asserts nothing. Run it with the JVM options of the README and in
 * Vaadin's production mode (the production bundle on the class path, {@code -Dvaadin.productionMode=true}): in
 * development mode Vaadin keeps a stack trace of every component's creation, four times the heap.
 */
final class SessionHeapBenchmark {

    private static final String INBOX = "review/inbox";
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\"\\s*:\\s*(\\d+)");
    private static final Pattern PUSH_ID = Pattern.compile("\"Vaadin-Push-ID\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SYNC_ID = Pattern.compile("\"syncId\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        int sessions = Integer.getInteger("bench.sessions", 200);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ReviewDeskApplication.class)
                .run("--server.port=0", "--reviewdesk.data-dir=target/bench-sessions",
                        "--spring.datasource.url=jdbc:h2:mem:bench-sessions;DB_CLOSE_DELAY=-1",
                        "--reviewdesk.demo-data=true", "--logging.level.root=warn",
                        "--reviewdesk.review.inbox.refresh-interval=1s");
        // the browsers are another process: their sockets and buffers stay out of the server's heap
        Process browsers = new ProcessBuilder(java(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                SessionHeapBenchmark.class.getName() + "$Browsers",
                String.valueOf(((WebServerApplicationContext) app).getWebServer().getPort()), String.valueOf(sessions))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var toBrowsers = new java.io.PrintWriter(browsers.getOutputStream(), true);
             var fromBrowsers = new java.io.BufferedReader(new java.io.InputStreamReader(browsers.getInputStream(), StandardCharsets.UTF_8))) {
            // the first session loads the classes and caches every later one shares
            expectLine(fromBrowsers, "OPEN 1");
            long before = heapAfterFullGc();
            toBrowsers.println("more");
            expectLine(fromBrowsers, "OPEN " + (sessions + 1));
            long after = heapAfterFullGc();
            double open = app.getBean(MeterRegistry.class).get("tomcat.sessions.active.current").gauge().value();
            System.out.printf("heap in use after a full GC: %.1f MiB with 1 session, %.1f MiB with %d more (%.0f HTTP sessions,"
                            + " %d push connections open): %.0f KiB per session%n",
                    before / 1048576.0, after / 1048576.0, sessions, open, sessions + 1, (after - before) / 1024.0 / sessions);
            // a new task: the inbox's poll sees the marker change and pushes a refresh to every open inbox
            newTask(app.getBean(JdbcClient.class));
            toBrowsers.println("push");
            System.out.println("sessions that received the pushed inbox refresh: " + fromBrowsers.readLine());
            histogram(sessions);
            toBrowsers.println("quit");
            browsers.waitFor(1, TimeUnit.MINUTES);
        } finally {
            browsers.destroy();
            app.close();
        }
    }

    /**
     * The browsers: opens one session, then on "more" the others, each with its push connection open
     * (the connection's first message, Atmosphere's handshake, received); on "push" waits for the pushed
     * inbox refresh on every connection and says how many got it.
     */
    static final class Browsers {
        public static void main(String[] args) throws Exception {
            int port = Integer.parseInt(args[0]);
            int sessions = Integer.parseInt(args[1]);
            var commands = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8));
            List<Reviewer> reviewers = new ArrayList<>();
            reviewers.add(openInbox(port));
            awaitOpen(reviewers);
            System.out.println("OPEN 1");
            commands.readLine();
            for (int i = 0; i < sessions; i++) {
                reviewers.add(openInbox(port));
            }
            awaitOpen(reviewers);
            System.out.println("OPEN " + reviewers.size());
            commands.readLine();
            int[] seen = reviewers.stream().mapToInt(r -> r.messages.get()).toArray();
            try {
                Awaitility.await("the inbox refresh pushed to every session").atMost(Duration.ofMinutes(1))
                        .until(() -> pushed(reviewers, seen) == reviewers.size());
            } catch (org.awaitility.core.ConditionTimeoutException late) {
                // the count says how many
            }
            System.out.println(pushed(reviewers, seen) + " of " + reviewers.size());
            if (pushed(reviewers, seen) < reviewers.size()) {
                String last = reviewers.get(0).lastMessage.toString();
                System.err.println("first session: " + reviewers.get(0).messages.get() + " messages, the last: "
                        + last.substring(0, Math.min(300, last.length())));
            }
            commands.readLine();
            for (Reviewer r : reviewers) {
                r.socket.abort();
            }
            System.exit(0);
        }

        private static void awaitOpen(List<Reviewer> reviewers) {
            Awaitility.await("every push connection to open").atMost(Duration.ofMinutes(2))
                    .until(() -> reviewers.stream().allMatch(r -> r.messages.get() > 0));
        }
    }

    private static void expectLine(java.io.BufferedReader from, String expected) throws java.io.IOException {
        String line = from.readLine();
        if (!expected.equals(line)) {
            throw new IllegalStateException("the browsers said " + line + ", not " + expected);
        }
    }

    private static String java() {
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int pushed(List<Reviewer> reviewers, int[] seen) {
        int n = 0;
        for (int i = 0; i < reviewers.size(); i++) {
            if (reviewers.get(i).messages.get() > seen[i] && reviewers.get(i).lastMessage.indexOf("\"async\":true") >= 0) {
                n++;
            }
        }
        return n;
    }

    /** A signed-in reviewer with the inbox open and its push connection. */
    record Reviewer(StaffHttpClient client, WebSocket socket, AtomicInteger messages, StringBuilder lastMessage) {
    }

    /** Signs in as the demo reviewer, opens the inbox the way the browser's first two requests do, then its push connection. */
    static Reviewer openInbox(int port) throws Exception {
        StaffHttpClient client = new StaffHttpClient(port);
        expect(client.login("reviewer", "ReviewDesk2026"), 302);
        expect(client.get("/" + INBOX), 200);
        HttpResponse<String> ui = client.get("/?v-r=init&location=" + URLEncoder.encode(INBOX, StandardCharsets.UTF_8) + "&query=");
        expect(ui, 200);
        Matcher uiId = UI_ID.matcher(ui.body());
        Matcher pushId = PUSH_ID.matcher(ui.body());
        if (!uiId.find() || !pushId.find()) {
            throw new IllegalStateException("no UI or push id in the init answer: " + ui.body().substring(0, Math.min(300, ui.body().length())));
        }
        Matcher key = SECURITY_KEY.matcher(ui.body());
        Matcher sync = SYNC_ID.matcher(ui.body());
        if (!key.find() || !sync.find()) {
            throw new IllegalStateException("no security key or sync id in the init answer");
        }
        // the client then asks the UI to show the route (Flow.ts sends 'ui-navigate' to the root node): the inbox
        // view is built and attached only now
        String navigate = "{\"csrfToken\":\"" + key.group(1) + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,"
                + "\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + INBOX + "\",\"query\":\"\",\"appShellTitle\":\"\","
                + "\"historyState\":null,\"trigger\":\"\"}}],\"syncId\":" + sync.group(1) + ",\"clientId\":0}";
        HttpResponse<String> shown = client.http().send(client.request("/?v-r=uidl&v-uiId=" + uiId.group(1))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(navigate)).build(), HttpResponse.BodyHandlers.ofString());
        expect(shown, 200);
        if (!shown.body().contains("inbox")) {
            throw new IllegalStateException("the inbox was not shown: " + shown.body().substring(0, Math.min(300, shown.body().length())));
        }
        AtomicInteger messages = new AtomicInteger();
        StringBuilder last = new StringBuilder();
        URI push = URI.create("ws://localhost:" + port + "/VAADIN/push?v-r=push&v-uiId=" + uiId.group(1)
                + "&v-pushId=" + URLEncoder.encode(pushId.group(1), StandardCharsets.UTF_8)
                + "&X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=3.1.2-javascript&X-Atmosphere-Transport=websocket"
                + "&X-atmo-protocol=true&Content-Type=" + URLEncoder.encode("application/json; charset=UTF-8", StandardCharsets.UTF_8));
        WebSocket socket = client.http().newWebSocketBuilder().buildAsync(push, new WebSocket.Listener() {
            private final StringBuilder parts = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean lastPart) {
                parts.append(data);
                if (lastPart) {
                    synchronized (last) {
                        last.setLength(0);
                        last.append(parts);
                    }
                    parts.setLength(0);
                    messages.incrementAndGet();
                }
                webSocket.request(1);
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
        return new Reviewer(client, socket, messages, last);
    }

    /** A task offered to the reviewers, as the projection writes it (the marker the inbox's poll reads changes). */
    static void newTask(JdbcClient jdbc) {
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("""
                insert into review_task (task_id, process_key, task_key, task_name, created_at, priority, received_at,
                    case_ref, title, title_lower)
                values (:id, 'registration', 'review', 'review', :now, 50, :now, :ref, :title, :title)""")
                .param("id", id).param("now", now).param("ref", "BENCH-" + id.substring(0, 8)).param("title", "bench")
                .update();
        jdbc.sql("insert into review_task_group (task_id, group_id) values (:id, 'reviewers')").param("id", id).update();
    }

    /** The live heap's classes that grow with the sessions: instances at least as many as the sessions. */
    private static void histogram(int sessions) throws Exception {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        if (histogram.contains("ComponentTracker$Location")) {
            System.out.println("NOT production mode: Vaadin's development-mode component tracker holds a stack trace per component"
                    + " (run with the production bundle, see docs/benchmarks.md)");
        }
        System.out.println("live classes with at least " + sessions + " instances, largest first (instances, bytes, class):");
        int shown = 0;
        for (String line : histogram.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 4 || !f[0].endsWith(":")) {
                continue;
            }
            long instances = Long.parseLong(f[1]);
            String name = f[3];
            boolean interesting = name.startsWith("com.vaadin") || name.startsWith("org.atmosphere") || name.startsWith("org.reviewdesk")
                    || name.startsWith("org.apache.catalina") || name.startsWith("org.apache.tomcat.websocket");
            if ((instances >= sessions && shown < 25) || (interesting && instances >= sessions && instances < sessions * 3L)) {
                System.out.printf("%10d %12s  %s%n", instances, f[2], name);
                shown++;
            }
        }
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ", not " + status);
        }
    }

    private static long heapAfterFullGc() {
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
