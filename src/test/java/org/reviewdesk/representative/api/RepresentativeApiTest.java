package org.reviewdesk.representative.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.accounts.EnterpriseAccounts;
import org.reviewdesk.registration.MobileProofFixture;
import org.reviewdesk.registration.TestDocuments;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.TestCodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The public API of process 2 as a front end calls it: plain HTTP, JSON, the access code in its header. */
@ApplicationTest
class RepresentativeApiTest {

    static final String BASE = "/api/public/representative-changes";
    static final String MOBILE = "13912345678";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired EnterpriseAccounts accounts;
    @Autowired org.reviewdesk.representative.RepresentativeChanges changes;

    @Test
    void aNewRepresentativeStartsWithAProvenMobileUploadsAndFollowsTheCaseWithTheCode() throws Exception {
        String uscc = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        accounts.open(uscc, "示例有限公司", LegalPersonType.ENTERPRISE, "王五", "IMPORT", "test");

        HttpResponse<String> started = post(BASE, startBody(uscc, proof()));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(started.body());
        String number = body.get("number").asText();
        String code = body.get("accessCode").asText();
        assertThat(number).matches("DR\\d{14}");

        HttpResponse<String> status = get(BASE + "/" + number, code);
        assertThat(status.statusCode()).isEqualTo(200);
        JsonNode shown = JSON.readTree(status.body());
        assertThat(shown.get("state").asText()).isEqualTo("AWAITING_DOCUMENTS");
        assertThat(shown.get("stateText").asText()).isEqualTo("待提交材料");
        assertThat(shown.get("documents")).hasSize(5);

        HttpResponse<String> uploaded = upload(BASE + "/" + number + "/documents/new-licence", code, TestDocuments.png());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        assertThat(JSON.readTree(uploaded.body()).get("version").asInt()).isEqualTo(1);

        HttpResponse<String> early = post(BASE + "/" + number + "/submission", "", code);
        assertThat(early.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(early.body()).get("code").asText()).isEqualTo("representative.submit.missingDocuments");
    }

    @Test
    void aWrongCodeIsRefusedLikeAnUnknownNumber() throws Exception {
        String uscc = TestCodes.uscc(LegalPersonType.ORGAN);
        accounts.open(uscc, "示例机关", LegalPersonType.ORGAN, "王五", "IMPORT", "test");
        String number = JSON.readTree(post(BASE, startBody(uscc, proof())).body()).get("number").asText();

        assertThat(get(BASE + "/" + number, "WRONGCOD").statusCode()).isEqualTo(401);
        assertThat(get(BASE + "/DR20990101000000", "WRONGCOD").statusCode()).isEqualTo(401);
    }

    @Test
    void aCodeWithoutAnAccountIsNotFoundAndAWrongSmsCodeIsRefusedAtItsField() throws Exception {
        HttpResponse<String> none = post(BASE, startBody(TestCodes.uscc(LegalPersonType.ENTERPRISE), proof()));
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(none.body()).get("code").asText()).isEqualTo("representative.start.noActiveAccount");

        String uscc = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        accounts.open(uscc, "示例有限公司", LegalPersonType.ENTERPRISE, "王五", "IMPORT", "test");
        String[] proof = proof();
        HttpResponse<String> wrong = post(BASE, startBody(uscc, new String[] {proof[0], "000000".equals(proof[1]) ? "111111" : "000000"}));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(wrong.body()).get("fields").get(0).get("field").asText()).isEqualTo("mobileCode");
    }

    private String[] proof() throws Exception {
        HttpResponse<String> sent = post(BASE + "/mobile-codes", JSON.writeValueAsString(Map.of("mobile", MOBILE)));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        return new String[] {JSON.readTree(sent.body()).get("proofId").asText(), MobileProofFixture.smsCode(jdbc, MOBILE)};
    }

    @Test
    void theAcceptanceReceiptIsAPdfOnceSubmittedAndTheDeregistrationReceiptWaitsForTheDeregistration() throws Exception {
        String uscc = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        accounts.open(uscc, "示例有限公司", LegalPersonType.ENTERPRISE, "王五", "IMPORT", "test");
        var clerk = new org.reviewdesk.platform.CurrentUser("window", java.util.Set.of(org.reviewdesk.platform.Role.WINDOW_CLERK));
        var started = changes.startAtWindow(org.reviewdesk.representative.ChangeRequest.byRepresentative(uscc,
                org.reviewdesk.representative.ChangeReason.REPRESENTATIVE_CHANGED, null, "张三",
                org.reviewdesk.rules.IdType.RESIDENT_ID, "11010519491231002X", MOBILE), clerk, java.util.Locale.SIMPLIFIED_CHINESE);
        String path = BASE + "/" + started.number() + "/receipts/";
        assertThat(getBytes(path + "ACCEPTANCE", started.accessCode()).statusCode()).as("not submitted yet").isEqualTo(409);
        for (String slot : changes.requiredSlots(started.access())) {
            changes.uploadAtWindow(started.number(), slot, slot + ".png", "image/png",
                    new java.io.ByteArrayInputStream(TestDocuments.png()), clerk);
        }
        changes.submitAtWindow(started.number(), clerk);

        HttpResponse<byte[]> receipt = getBytes(path + "ACCEPTANCE", started.accessCode());
        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(new String(receipt.body(), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
        assertThat(receipt.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("attachment"));
        assertThat(getBytes(path + "DEREGISTRATION", started.accessCode()).statusCode()).isEqualTo(409);
        assertThat(getBytes(path + "ACCEPTANCE", "WRONGCOD").statusCode()).isEqualTo(401);
    }

    private HttpResponse<byte[]> getBytes(String path, String code) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header(RepresentativeApiController.ACCESS_CODE, code).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String startBody(String uscc, String[] proof) throws Exception {
        return JSON.writeValueAsString(Map.ofEntries(Map.entry("uscc", uscc), Map.entry("reason", "REPRESENTATIVE_CHANGED"),
                Map.entry("representativeName", "张三"), Map.entry("representativeIdType", "RESIDENT_ID"),
                Map.entry("representativeIdNumber", "11010519491231002X"), Map.entry("representativeMobile", MOBILE),
                Map.entry("agentApplies", false), Map.entry("mobileProofId", proof[0]), Map.entry("mobileCode", proof[1])));
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return post(path, json, null);
    }

    private HttpResponse<String> post(String path, String json, String code) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Accept-Language", "zh-CN").POST(HttpRequest.BodyPublishers.ofString(json));
        if (code != null) {
            request.header(RepresentativeApiController.ACCESS_CODE, code);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String code) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header(RepresentativeApiController.ACCESS_CODE, code)
                .header("Accept-Language", "zh-CN").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> upload(String path, String code, byte[] file) throws Exception {
        String boundary = "----reviewdesk" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"licence.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header(RepresentativeApiController.ACCESS_CODE, code)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
