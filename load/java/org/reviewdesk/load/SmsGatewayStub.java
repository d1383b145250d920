package org.reviewdesk.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform's SMS gateway as the nodes' {@code http} sender calls it (POST of mobile, text,
 * caseRef), on loopback: it keeps the last mobile-proof code per mobile, which the load's
 * applicants read back with GET /codes/{mobile} (an empty answer while none came), as a person
 * reads their phone.
 */
final class SmsGatewayStub implements AutoCloseable {

    // the proof SMS in Chinese and English (registration.notice.mobileProof.sms)
    private static final Pattern PROOF_CODE = Pattern.compile("(?:验证码为|registration is )(\\d{6})");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();
    private final ObjectMapper json = new ObjectMapper();

    private SmsGatewayStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.createContext("/sms", this::sms);
        server.createContext("/codes/", this::code);
        server.setExecutor(threads);
        server.start();
    }

    static SmsGatewayStub start() throws IOException {
        return new SmsGatewayStub();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    long received() {
        return received.get();
    }

    private void sms(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            JsonNode message = json.readTree(body);
            received.incrementAndGet();
            Matcher code = PROOF_CODE.matcher(message.path("text").asText());
            if (code.find()) {
                codes.put(message.path("mobile").asText(), code.group(1));
            }
        }
        answer(exchange, 200, "{}");
    }

    private void code(HttpExchange exchange) throws IOException {
        String mobile = exchange.getRequestURI().getPath().substring("/codes/".length());
        String code = codes.remove(mobile);
        answer(exchange, 200, code == null ? "" : code);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
