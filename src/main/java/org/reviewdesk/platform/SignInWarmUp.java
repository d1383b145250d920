package org.reviewdesk.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Pays what the first staff sign-ins after a start would pay, once, before the node reports ready
 * (docs/load.md "Cold sign-ins"): the password check's first run ({@link StaffPasswords#warmUp()}) and
 * the login page's first render (Vaadin parses and caches its page template on the first page request,
 * every other request waiting for it; the view's classes load). It starts as soon as the web server
 * listens, beside the rest of the start (the runners: seeding, back-fills), and Spring Boot reports
 * readiness only after every runner, this one waiting for the warm-up, has returned. A failed or slow
 * warm-up is logged and the node becomes ready anyway: it saves time, nothing depends on it.
 */
@Component
class SignInWarmUp implements ApplicationListener<WebServerInitializedEvent>, ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SignInWarmUp.class);
    /** Far more than the warm-up takes on a loaded machine; a hung one must not keep the node out of service. */
    static final Duration LIMIT = Duration.ofSeconds(60);

    private final StaffPasswords passwords;
    private final ServerProperties server;
    private volatile CompletableFuture<Void> running = CompletableFuture.completedFuture(null);

    SignInWarmUp(StaffPasswords passwords, ServerProperties server) {
        this.passwords = passwords;
        this.server = server;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        // the main server only (a separate management port has a namespace and no login page)
        if (event.getApplicationContext().getServerNamespace() != null) {
            return;
        }
        URI loginPage = loginPage(event.getWebServer().getPort());
        running = CompletableFuture.runAsync(() -> warmUp(loginPage),
                task -> new Thread(task, "sign-in-warm-up").start());
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        long start = System.nanoTime();
        try {
            running.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            log.debug("Sign-in warm-up waited for {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        } catch (ExecutionException | TimeoutException e) {
            log.warn("The sign-in warm-up did not finish ({}); the first sign-ins will be slower", e.toString());
        }
    }

    private void warmUp(URI loginPage) {
        long start = System.nanoTime();
        passwords.warmUp();
        long passwordsDone = System.nanoTime();
        if (loginPage != null) {
            render(loginPage);
        }
        log.info("Sign-in warmed up: password check {} ms, login page {} ms",
                TimeUnit.NANOSECONDS.toMillis(passwordsDone - start), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - passwordsDone));
    }

    /** The login page on this node's own connector; none behind TLS (the node's certificate need not name the loopback). */
    private URI loginPage(int port) {
        if (port <= 0 || (server.getSsl() != null && server.getSsl().isEnabled())) {
            return null;
        }
        InetAddress address = server.getAddress();
        String host = address == null || address.isAnyLocalAddress() ? InetAddress.getLoopbackAddress().getHostAddress()
                : address.getHostAddress();
        String contextPath = server.getServlet().getContextPath() == null ? "" : server.getServlet().getContextPath();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + contextPath + "/login");
    }

    private static void render(URI loginPage) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<Void> page = http.send(HttpRequest.newBuilder(loginPage).timeout(LIMIT).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (page.statusCode() != 200) {
                log.warn("The sign-in warm-up's login page answered {}", page.statusCode());
            }
        } catch (IOException e) {
            log.warn("The sign-in warm-up could not load the login page: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
