package org.reviewdesk.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stub of the platform's SMS gateway: the JSON POST of the application's HTTP SMS sender
 * ({@code {"mobile","text","caseRef"}}), answered 200 and recorded, so a test counts what the
 * cluster really sent and reads the codes applicants get.
 */
public final class SmsGateway implements AutoCloseable {

    /** One message as the gateway received it. */
    public record Sms(String mobile, String text, String caseRef) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final List<Sms> received = new ArrayList<>();

    SmsGateway() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/sms", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            synchronized (received) {
                received.add(new Sms(body.path("mobile").asText(), body.path("text").asText(),
                        body.path("caseRef").isNull() ? null : body.path("caseRef").asText()));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        // a person reading their phone: the latest six-digit code sent to a mobile, empty while none came (the load test)
        server.createContext("/codes/", exchange -> {
            String mobile = exchange.getRequestURI().getPath().substring("/codes/".length());
            byte[] code = latestCode(mobile).orElse("").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, code.length == 0 ? -1 : code.length);
            exchange.getResponseBody().write(code);
            exchange.close();
        });
        server.setExecutor(threads);
        server.start();
    }

    /** The URL to give the application as {@code REVIEWDESK_SMS_HTTP_URL}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
    }

    /** {@code GET <this>/<mobile>}: the latest code sent to the mobile as plain text, empty while none came. */
    public String codesUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/codes";
    }

    /** Every message received so far, in order. */
    public List<Sms> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The six-digit code in the latest message to {@code mobile}, if one arrived. */
    public Optional<String> latestCode(String mobile) {
        List<Sms> all = received();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).mobile().equals(mobile)) {
                Matcher code = CODE.matcher(all.get(i).text());
                if (code.find()) {
                    return Optional.of(code.group(1));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
