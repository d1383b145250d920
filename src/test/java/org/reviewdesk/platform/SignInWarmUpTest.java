package org.reviewdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.boot.web.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

class SignInWarmUpTest {

    private final HttpServer node = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    private final AtomicInteger loginPages = new AtomicInteger();
    private final CountDownLatch pageMayAnswer = new CountDownLatch(1);
    private final ServerProperties server = new ServerProperties();
    private final SignInWarmUp warmUp = new SignInWarmUp(new StaffPasswords(new InMemoryUserDetailsManager(
            User.withUsername("reviewer").password("{noop}x").roles("REVIEWER").build()),
            PasswordEncoderFactories.createDelegatingPasswordEncoder()), server);

    SignInWarmUpTest() throws IOException {
        node.createContext("/login", exchange -> {
            loginPages.incrementAndGet();
            try {
                pageMayAnswer.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        node.start();
        server.setAddress(InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void stop() {
        pageMayAnswer.countDown();
        node.stop(0);
    }

    @Test
    void theRunnersDoNotFinishSoTheNodeIsNotReadyBeforeTheLoginPageWasRendered() {
        warmUp.onApplicationEvent(listening(node.getAddress().getPort()));
        CompletableFuture<Void> runners = CompletableFuture.runAsync(this::runRunner);

        await().atMost(Duration.ofMinutes(1)).until(() -> loginPages.get() == 1);
        assertThat(runners).as("still waiting for the page").isNotDone();

        pageMayAnswer.countDown();
        await().atMost(Duration.ofMinutes(1)).until(runners::isDone);
        assertThat(loginPages).hasValue(1);
    }

    @Test
    void aNodeWhoseLoginPageCannotBeReachedBecomesReadyAnyway() {
        int closedPort = node.getAddress().getPort();
        node.stop(0);
        warmUp.onApplicationEvent(listening(closedPort));
        CompletableFuture<Void> runners = CompletableFuture.runAsync(this::runRunner);
        await().atMost(Duration.ofMinutes(1)).until(runners::isDone);
        assertThat(runners).isNotCompletedExceptionally();
    }

    @Test
    void withoutAWebServerNothingIsAwaited() {
        runRunner();
        assertThat(loginPages).hasValue(0);
    }

    private void runRunner() {
        try {
            warmUp.run(new DefaultApplicationArguments());
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ServletWebServerInitializedEvent listening(int port) {
        WebServer webServer = new WebServer() {
            @Override
            public void start() {
            }

            @Override
            public void stop() {
            }

            @Override
            public int getPort() {
                return port;
            }
        };
        return new ServletWebServerInitializedEvent(webServer, new ServletWebServerApplicationContext());
    }
}
