package org.reviewdesk.outage;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The SMS gateway of the outage tests: a JDK HTTP server on a fixed loopback port that records every
 * message body it accepts, and can be stopped (the port closed) and started again on the same port.
 */
final class SmsGatewayStub implements AutoCloseable {

    private final int port;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer server;

    SmsGatewayStub(int port) {
        this.port = port;
    }

    String url() {
        return "http://127.0.0.1:" + port + "/sms";
    }

    SmsGatewayStub start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/sms", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                received.add(new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return this;
    }

    void stop() {
        server.stop(0);
    }

    /** The JSON bodies received so far, oldest first. */
    List<String> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
