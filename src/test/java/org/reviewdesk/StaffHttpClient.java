package org.reviewdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cookie-keeping HTTP client that does not follow redirects, like a browser's network log: signs
 * in the way the login form does (the page's CSRF token, Spring Security's form POST).
 */
public final class StaffHttpClient {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final int port;
    private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

    public StaffHttpClient(int port) {
        this.port = port;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> getBytes(String path) throws Exception {
        return send(request(path), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> postForm(String path, String form) throws Exception {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), HttpResponse.BodyHandlers.ofString());
    }

    /** The login form's POST; the response is the redirect Spring Security answers with. */
    public HttpResponse<String> login(String username, String password) throws Exception {
        return postForm("/login", "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrfToken("/login")));
    }

    /** The CSRF token the page at {@code path} carries for this session. */
    public String csrfToken(String path) throws Exception {
        Matcher token = CSRF.matcher(get(path).body());
        assertThat(token.find()).as(path + " carries a CSRF token").isTrue();
        return token.group(1);
    }

    /** The underlying client, with this session's cookies (a WebSocket opened from it carries them). */
    public HttpClient http() {
        return client;
    }

    public String sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> "JSESSIONID".equals(c.getName())).map(HttpCookie::getValue).findFirst().orElse("");
    }

    /** A header this client sends with every request from now on (X-Forwarded-For, say). */
    public StaffHttpClient withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        headers.forEach(request::header);
        return request;
    }

    public <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) throws Exception {
        return client.send(request.build(), body);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
