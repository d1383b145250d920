package org.reviewdesk.registration.api;

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
import org.reviewdesk.ReviewDeskApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
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
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ReviewDeskApplication.class).profiles("test")
                .run("--server.port=0", "--reviewdesk.data-dir=target/bench-status",
                        "--spring.datasource.url=jdbc:h2:mem:bench-status;DB_CLOSE_DELAY=-1",
                        "--reviewdesk.demo-data=never", "--logging.level.root=warn");
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

            run(http, status, clients, calls / 5); // warm-up
            List<Long> nanos = run(http, status, clients, calls);
            Collections.sort(nanos);
            System.out.printf("status call, %d clients, %d calls each: p50 %.1f ms, p95 %.1f ms, cores %d%n", clients, calls,
                    nanos.get(nanos.size() / 2) / 1e6, nanos.get((int) (nanos.size() * 0.95)) / 1e6,
                    Runtime.getRuntime().availableProcessors());
        } finally {
            app.close();
        }
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
