package org.reviewdesk.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends SMS through the platform's SMS gateway: POST of {@code {"mobile","text","caseRef"}} as JSON,
 * with a bearer token when one is configured. Any answer but 2xx is a failure to retry; the
 * gateway's answer body is not kept, since gateways echo the text.
 */
class HttpSmsSender implements SmsSender {

    private final HttpClient client;
    private final URI url;
    private final String token;
    private final NotificationProperties.Http settings;
    private final ObjectMapper json = new ObjectMapper();

    HttpSmsSender(NotificationProperties.Http settings) {
        if (settings.url().isBlank()) {
            throw new IllegalStateException("reviewdesk.notifications.sms.sender=http needs reviewdesk.notifications.sms.http.url");
        }
        this.settings = settings;
        this.url = URI.create(settings.url().strip());
        this.token = settings.token().strip();
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public void send(String mobile, String text, String caseRef, String messageKey) throws DeliveryFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(mobile, text, caseRef)));
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<Void> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException e) {
            throw new DeliveryFailure("SMS gateway did not answer within " + settings.timeout(), e);
        } catch (IOException e) {
            throw new DeliveryFailure("SMS gateway unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("Interrupted while sending", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new DeliveryFailure("SMS gateway answered HTTP " + response.statusCode());
        }
    }

    private byte[] body(String mobile, String text, String caseRef) throws DeliveryFailure {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("mobile", mobile);
        fields.put("text", text);
        fields.put("caseRef", caseRef);
        try {
            return json.writeValueAsString(fields).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new DeliveryFailure("Could not write the gateway request", e);
        }
    }
}
