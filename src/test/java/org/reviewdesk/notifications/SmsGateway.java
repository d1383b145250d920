package org.reviewdesk.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on a loopback port standing in for the SMS gateway: records what it receives, answers a set status. */
final class SmsGateway implements AutoCloseable {

    record Received(Map<String, String> json, String authorization, String contentType) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private volatile long delayMillis;
    private final ObjectMapper json = new ObjectMapper();

    SmsGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/sms", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                @SuppressWarnings("unchecked")
                Map<String, String> fields = json.readValue(body, Map.class);
                received.add(new Received(fields, exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("Content-Type")));
            }
            pause();
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
    }

    /** A gateway that takes its time, so that racing dispatchers overlap. */
    void delayAnswers(Duration delay) {
        delayMillis = delay.toMillis();
    }

    private void pause() {
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void answer(int httpStatus) {
        status.set(httpStatus);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> receivedFor(String caseRef) {
        return received.stream().filter(r -> caseRef.equals(r.json().get("caseRef"))).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
