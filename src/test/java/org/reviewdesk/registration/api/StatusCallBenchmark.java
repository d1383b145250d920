package org.reviewdesk.registration.api;

import org.reviewdesk.BenchmarkApplication;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public API's status call ({@code GET /api/public/registrations/{number}} with its access code)
 * from concurrent clients: p50 and p95 latency. A plain main class (see docs/benchmarks.md); it makes
 * its draft over HTTP and proves the mobile when the API asks for it, so the same file measures the
 * code before and after the keyed hash of issue 11.
 */
final class StatusCallBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("bench.clients", 4);
        int calls = Integer.getInteger("bench.calls", 500);
        ConfigurableApplicationContext app = BenchmarkApplication.h2("bench-status").dataDir(Path.of("target/bench-status")).start();
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + port + "/api/public/registrations";
            Map<String, Object> form = new java.util.LinkedHashMap<>(RegistrationApiClient.validForm());
            HttpResponse<String> sent = http.send(HttpRequest.newBuilder(URI.create(base + "/mobile-codes"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"mobile\":\"13812345678\"}")).build(), HttpResponse.BodyHandlers.ofString());
            if (sent.statusCode() == 201) {
                form.put("mobileProofId", JSON.readTree(sent.body()).get("proofId").asText());
                String body = jdbc.sql("select body from outbox_message where message_key = 'registration.notice.mobileProof.sms' order by id desc")
                        .query(String.class).list().get(0);
                Matcher code = Pattern.compile("(?<!\\d)\\d{6}(?!\\d)").matcher(body);
                code.find();
                form.put("mobileCode", code.group());
            }
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(form))).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode draft = JSON.readTree(created.body());
            HttpRequest status = HttpRequest.newBuilder(URI.create(base + "/" + draft.get("applicationNumber").asText()))
                    .header("X-Access-Code", draft.get("accessCode").asText()).GET().build();

            HttpRequest liveness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness")).GET().build();
            run(http, status, clients, calls / 5); // warm-up
            run(http, liveness, clients, calls / 5);
            // alternating rounds, so both see the same load from whatever else runs on the machine
            List<Long> statusNanos = new ArrayList<>();
            List<Long> livenessNanos = new ArrayList<>();
            long statusWall = 0;
            long livenessWall = 0;
            for (int round = 0; round < 5; round++) {
                long start = System.nanoTime();
                statusNanos.addAll(run(http, status, clients, calls / 5));
                statusWall += System.nanoTime() - start;
                start = System.nanoTime();
                livenessNanos.addAll(run(http, liveness, clients, calls / 5));
                livenessWall += System.nanoTime() - start;
            }
            System.out.printf("%d clients, %d calls each, cores %d%n", clients, calls, Runtime.getRuntime().availableProcessors());
            print("status call (access code)", statusNanos, statusWall);
            print("liveness (reference)", livenessNanos, livenessWall);
        } finally {
            app.close();
        }
    }

    private static void print(String what, List<Long> nanos, long wallNanos) {
        Collections.sort(nanos);
        System.out.printf("%-28s %7.0f calls/s  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms%n", what, nanos.size() / (wallNanos / 1e9),
                nanos.get(nanos.size() / 2) / 1e6, nanos.get((int) (nanos.size() * 0.95)) / 1e6, nanos.get((int) (nanos.size() * 0.99)) / 1e6);
    }

    private static List<Long> run(HttpClient http, HttpRequest status, int clients, int calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    for (int i = 0; i < calls; i++) {
                        long start = System.nanoTime();
                        HttpResponse<Void> answer = http.send(status, HttpResponse.BodyHandlers.discarding());
                        if (answer.statusCode() != 200) {
                            throw new IllegalStateException("status " + answer.statusCode());
                        }
                        mine.add(System.nanoTime() - start);
                    }
                    return mine;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : futures) {
                all.addAll(f.get());
            }
            return all;
        } finally {
            pool.shutdown();
        }
    }
}
