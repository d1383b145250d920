package org.reviewdesk.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.reviewdesk.registration.TestDocuments;
import org.reviewdesk.rules.TestCodes;

/**
 * One applicant of the public registration API, as the portal's front end calls it: prove the
 * mobile (the code read at the stub SMS gateway), create a draft, upload the three documents of an
 * enterprise, submit. Each call may go to another node; a refused connection (the node was killed)
 * surfaces as {@link IOException}, which the caller counts as "not answered".
 */
final class Applicant {

    static final List<String> SLOTS = List.of("business-licence", "id-representative-front", "id-representative-back");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger NEXT_MOBILE = new AtomicInteger((int) (System.nanoTime() % 10_000_000));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final byte[] PNG = TestDocuments.png();

    final String mobile = "139" + String.format("%08d", NEXT_MOBILE.getAndIncrement() % 100_000_000);
    final String uscc = TestCodes.uscc("91");
    private final SmsGateway sms;
    String number;
    String accessCode;

    Applicant(SmsGateway sms) {
        this.sms = sms;
    }

    /** An answer: status and body (JSON when the body is JSON). */
    record Answer(int status, String body) {

        boolean ok() {
            return status / 100 == 2;
        }

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    /**
     * A new applicant's draft, documents and submission, each answered 2xx (else the assertion names the answer).
     * Call k goes to {@code nodes[k % nodes.length]}: the draft to the first, then each upload to the next, and
     * so on; with two nodes every call goes to the other node than the one before, but the submit goes where the
     * draft went.
     */
    static Applicant submitted(SmsGateway sms, URI... nodes) throws IOException, InterruptedException {
        Applicant applicant = new Applicant(sms);
        int call = 0;
        org.assertj.core.api.Assertions.assertThat(applicant.createDraft(nodes[call++ % nodes.length]).ok()).as("draft").isTrue();
        for (String slot : SLOTS) {
            Answer uploaded = applicant.upload(nodes[call++ % nodes.length], slot);
            org.assertj.core.api.Assertions.assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        }
        Answer submitted = applicant.submit(nodes[call % nodes.length]);
        org.assertj.core.api.Assertions.assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        return applicant;
    }

    /** {@code count} applicants {@link #submitted}, each call to the other node than the one before, by turns first. */
    static List<Applicant> submittedAcross(SmsGateway sms, int count, URI first, URI second)
            throws IOException, InterruptedException {
        List<Applicant> applicants = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            applicants.add(i % 2 == 0 ? submitted(sms, first, second) : submitted(sms, second, first));
        }
        return applicants;
    }

    /** Mobile proof and draft; the number and access code are kept. */
    Answer createDraft(URI node) throws IOException, InterruptedException {
        Answer sent = post(node, "/api/public/registrations/mobile-codes", Map.of("mobile", mobile));
        if (!sent.ok()) {
            return sent;
        }
        String proofId = sent.json().get("proofId").asText();
        String code = Awaitility.await("the SMS code to " + mobile).atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200)).until(() -> sms.latestCode(mobile).orElse(null), c -> c != null);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("legalPersonType", "ENTERPRISE");
        form.put("name", "成都市可靠性测试有限公司");
        form.put("uscc", uscc);
        form.put("usccConfirmed", false);
        form.put("representativeName", "张三");
        form.put("representativeIdType", "RESIDENT_ID");
        form.put("representativeIdNumber", "11010519491231002X");
        form.put("representativeMobile", mobile);
        form.put("agentApplies", false);
        form.put("contactMobile", mobile);
        form.put("mobileProofId", proofId);
        form.put("mobileCode", code);
        Answer draft = post(node, "/api/public/registrations", form);
        if (draft.ok()) {
            number = draft.json().get("applicationNumber").asText();
            accessCode = draft.json().get("accessCode").asText();
        }
        return draft;
    }

    Answer upload(URI node, String slot) throws IOException, InterruptedException {
        String boundary = "----reliability" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + slot
                + ".png\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(PNG);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(node.resolve("/api/public/registrations/" + number + "/documents/" + slot))
                .header("X-Access-Code", accessCode)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    Answer submit(URI node) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(node.resolve("/api/public/registrations/" + number + "/submit"))
                .header("X-Access-Code", accessCode)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"declarationAccepted\":true}")));
    }

    Answer status(URI node) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(node.resolve("/api/public/registrations/" + number))
                .header("X-Access-Code", accessCode).GET());
    }

    private static Answer post(URI node, String path, Object body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(node.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private static Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(request.header("Accept-Language", "en").timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(answer.statusCode(), answer.body());
    }
}
