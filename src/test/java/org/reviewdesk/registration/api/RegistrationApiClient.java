package org.reviewdesk.registration.api;

import org.reviewdesk.registration.TestDocuments;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public registration API as the portal's front end calls it: plain HTTP without cookies, JSON
 * in and out, the access code in its header; valid forms and documents to start from.
 */
final class RegistrationApiClient {

    static final String BASE = "/api/public/registrations";
    static final String REPRESENTATIVE_ID = "11010519491231002X";
    static final String OTHER_ID = "440524188001010014";
    static final String MOBILE = "13812345678";
    static final String[] ENTERPRISE_SLOTS = {"business-licence", "id-representative-front", "id-representative-back"};
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final JdbcClient jdbc;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** @param jdbc where the proving SMS is read, as a tester on the embedded defaults reads it (the outbox) */
    RegistrationApiClient(int port, JdbcClient jdbc) {
        this.port = port;
        this.jdbc = jdbc;
    }

    /** An answer with its body as text and, when it is JSON, parsed. */
    record Answer(int status, java.net.http.HttpHeaders headers, byte[] bytes) {

        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body(), e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** A draft's number and access code. */
    record Draft(String number, String code) {
    }

    // ---- forms and files ----------------------------------------------------------------------

    /** A form that breaks no rule: an enterprise without agent, with a credit code nobody used yet. */
    static Map<String, Object> validForm() {
        return validForm(newUscc("91"));
    }

    static Map<String, Object> validForm(String uscc) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("legalPersonType", "ENTERPRISE");
        form.put("name", "深圳市腾讯计算机系统有限公司");
        form.put("uscc", uscc);
        form.put("usccConfirmed", false);
        form.put("representativeName", "马化腾");
        form.put("representativeIdType", "RESIDENT_ID");
        form.put("representativeIdNumber", REPRESENTATIVE_ID);
        form.put("representativeMobile", MOBILE);
        form.put("agentApplies", false);
        form.put("contactMobile", MOBILE);
        form.put("contactEmail", "registration@example.com");
        return form;
    }

    /** A valid credit code of the type {@code prefix} (e.g. 91) registered in Shenzhen, not used before. */
    static String newUscc(String prefix) {
        return org.reviewdesk.rules.TestCodes.uscc(prefix);
    }

    static byte[] pdf(String text) {
        return TestDocuments.pdf(text);
    }

    static byte[] image(String format) {
        return TestDocuments.image(format);
    }

    // ---- calls --------------------------------------------------------------------------------

    Answer requiredDocuments(String query, String language) throws Exception {
        return send(request(BASE + "/required-documents?" + query, language).GET());
    }

    /**
     * Creates a draft of the form; a form without a mobile proof gets one first for its contact mobile
     * (as a front end does), in a copy: the caller's map is unchanged.
     */
    Answer create(Object form, String language, String idempotencyKey) throws Exception {
        return createAsIs(form instanceof Map<?, ?> map && !map.containsKey("mobileProofId") ? proven(map) : form,
                language, idempotencyKey);
    }

    /** The form with a fresh proof of its contact mobile (when that is a mobile number the API accepts). */
    Map<String, Object> proven(Map<?, ?> form) throws Exception {
        Map<String, Object> copy = new LinkedHashMap<>();
        form.forEach((k, v) -> copy.put(String.valueOf(k), v));
        Object mobile = form.get("contactMobile");
        Answer sent = requestMobileCode(mobile == null ? null : mobile.toString(), null);
        if (sent.status() == 201) {
            copy.put("mobileProofId", sent.json().get("proofId").asText());
            copy.put("mobileCode", org.reviewdesk.registration.MobileProofFixture.smsCode(jdbc, sent.json().has("mobile")
                    ? normalisedMobile(mobile.toString()) : null));
        }
        return copy;
    }

    private static String normalisedMobile(String mobile) {
        String digits = mobile.replaceAll("[^0-9]", "");
        return digits.length() > 11 ? digits.substring(digits.length() - 11) : digits;
    }

    Answer requestMobileCode(String mobile, String language) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mobile", mobile);
        return send(request(BASE + "/mobile-codes", language).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    /** Creates exactly what is given, without a proof added. */
    Answer createAsIs(Object form, String language, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = request(BASE, language).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(form)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    /** Creates a draft of a valid form; fails the test otherwise. */
    Draft draft(Map<String, Object> form) throws Exception {
        Answer created = create(form, null, null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Draft(created.json().get("applicationNumber").asText(), created.json().get("accessCode").asText());
    }

    /** A draft of a valid enterprise form with all three documents uploaded. */
    Draft completeDraft(Map<String, Object> form) throws Exception {
        Draft draft = draft(form);
        uploadAll(draft);
        return draft;
    }

    void uploadAll(Draft draft) throws Exception {
        assertThat(upload(draft, ENTERPRISE_SLOTS[0], "营业执照.pdf", "application/pdf", pdf("business licence"), null).status())
                .isEqualTo(201);
        assertThat(upload(draft, ENTERPRISE_SLOTS[1], "front.png", "image/png", image("png"), null).status()).isEqualTo(201);
        assertThat(upload(draft, ENTERPRISE_SLOTS[2], "back.jpg", "image/jpeg", image("jpg"), null).status()).isEqualTo(201);
    }

    Answer update(Draft draft, Object form, String language) throws Exception {
        return send(request(BASE + "/" + draft.number(), language).header("X-Access-Code", draft.code())
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json(form))));
    }

    Answer upload(Draft draft, String slot, String fileName, String contentType, byte[] content, String language) throws Exception {
        String boundary = "----reviewdesk" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(BASE + "/" + draft.number() + "/documents/" + slot, language).header("X-Access-Code", draft.code())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    Answer submit(Draft draft, String body, String language) throws Exception {
        HttpRequest.Builder request = request(BASE + "/" + draft.number() + "/submit", language).header("X-Access-Code", draft.code());
        return send(body == null ? request.POST(HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer submit(Draft draft) throws Exception {
        return submit(draft, "{\"declarationAccepted\": true}", null);
    }

    Answer status(Draft draft, String language) throws Exception {
        return send(request(BASE + "/" + draft.number(), language).header("X-Access-Code", draft.code()).GET());
    }

    Answer receipt(Draft draft) throws Exception {
        return send(request(BASE + "/" + draft.number() + "/receipt", null).header("X-Access-Code", draft.code()).GET());
    }

    Answer get(String path, String language) throws Exception {
        return send(request(path, language).GET());
    }

    Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.headers(), response.body());
    }

    HttpRequest.Builder request(String path, String language) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        return language == null ? request : request.header("Accept-Language", language);
    }

    static String json(Object value) {
        try {
            return value instanceof String text ? text : JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- what the database holds ----------------------------------------------------------------

    /** Rows of registration_application and document, to show that a refusal created nothing. */
    record Rows(long applications, long documents) {

        static Rows in(JdbcClient jdbc) {
            return new Rows(jdbc.sql("select count(*) from registration_application").query(Long.class).single(),
                    jdbc.sql("select count(*) from document").query(Long.class).single());
        }
    }
}
