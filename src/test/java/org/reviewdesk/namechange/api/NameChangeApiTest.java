package org.reviewdesk.namechange.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.accounts.EnterpriseAccounts;
import org.reviewdesk.registration.MobileProofFixture;
import org.reviewdesk.registration.TestDocuments;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.TestCodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public API of process 3 as a front end calls it: plain HTTP, JSON, the access code in its
 * header; every rule broken once, answered in the caller's language (zh-CN and en) with a status by
 * kind, and nothing left behind.
 */
@ApplicationTest
class NameChangeApiTest {

    static final String BASE = NameChangeApiController.BASE;
    static final String MOBILE = "13712345678";
    static final String OLD_NAME = "深圳市示例贸易有限公司";
    static final String NEW_NAME = "深圳市示例控股有限公司";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired EnterpriseAccounts accounts;

    @Test
    void anApplicantStartsUploadsTheLicenceSubmitsFollowsTheCaseAndDownloadsTheReceipt() throws Exception {
        String uscc = account(LegalPersonType.ENTERPRISE);

        HttpResponse<String> started = post(BASE, startBody(uscc, NEW_NAME, MOBILE, proof()), null, "zh-CN");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(started.body());
        String number = body.get("number").asText();
        String code = body.get("accessCode").asText();
        assertThat(number).matches("NC\\d{14}");
        assertThat(started.headers().firstValue("Location")).hasValue(BASE + "/" + number);

        JsonNode waiting = JSON.readTree(get(BASE + "/" + number, code, "zh-CN").body());
        assertThat(waiting.get("state").asText()).isEqualTo("STARTED");
        assertThat(waiting.get("stateText").asText()).isEqualTo("待上传营业执照并提交");
        assertThat(waiting.get("receiptAvailable").asBoolean()).isFalse();
        assertThat(get(BASE + "/" + number + "/receipt", code, "zh-CN").statusCode()).as("no receipt before the submit").isEqualTo(409);

        HttpResponse<String> uploaded = upload(BASE + "/" + number + "/documents/new-licence", code,
                TestDocuments.pdf("Business licence " + uscc), "licence.pdf", "application/pdf");
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        assertThat(JSON.readTree(uploaded.body()).get("version").asInt()).isEqualTo(1);

        assertThat(post(BASE + "/" + number + "/submission", "", code, "zh-CN").statusCode()).isEqualTo(202);

        JsonNode submitted = JSON.readTree(get(BASE + "/" + number, code, "en").body());
        assertThat(submitted.get("state").asText()).isEqualTo("CHECKING");
        assertThat(submitted.get("stateText").asText()).isEqualTo("Automated checks");
        assertThat(submitted.get("oldName").asText()).isEqualTo(OLD_NAME);
        assertThat(submitted.get("newName").asText()).isEqualTo(NEW_NAME);
        assertThat(submitted.get("timeline").findValuesAsText("kind")).containsExactly("STARTED_ONLINE", "SUBMITTED");
        assertThat(submitted.get("receiptAvailable").asBoolean()).isTrue();

        HttpResponse<byte[]> receipt = http.send(HttpRequest.newBuilder(uri(BASE + "/" + number + "/receipt"))
                .header(NameChangeApiController.ACCESS_CODE, code).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(receipt.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        assertThat(new String(receipt.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

        HttpResponse<String> again = post(BASE + "/" + number + "/submission", "", code, "en");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).get("code").asText()).isEqualTo("namechange.submit.alreadySubmitted");
        HttpResponse<String> late = upload(BASE + "/" + number + "/documents/new-licence", code, TestDocuments.png(), "l.png", "image/png");
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(late.body()).get("code").asText()).isEqualTo("namechange.upload.notNow");
        HttpResponse<String> notAsked = upload(BASE + "/" + number + "/licence-again", code, TestDocuments.png(), "l.png", "image/png");
        assertThat(notAsked.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(notAsked.body()).get("code").asText()).isEqualTo("namechange.supply.notAwaited");
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"zh-CN", "en"})
    void everyFieldRuleIsRefusedAtItsFieldInTheCallersLanguageAndNothingIsOpened(String language) throws Exception {
        String uscc = account(LegalPersonType.ENTERPRISE);
        Map<String, Object> bad = new LinkedHashMap<>(Map.of("uscc", "9144030019", "newName", " ", "applicantName", "",
                "applicantMobile", "12345", "mobileProofId", "none", "mobileCode", "000000"));

        HttpResponse<String> refused = post(BASE, JSON.writeValueAsString(bad), null, language);

        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode body = JSON.readTree(refused.body());
        assertThat(body.get("code").asText()).isEqualTo("namechange.form.invalid");
        assertThat(body.get("fields").findValuesAsText("field")).containsExactly("uscc", "newName", "applicantName", "applicantMobile");
        assertInLanguage(body.get("message").asText(), language);
        body.get("fields").forEach(f -> assertInLanguage(f.get("message").asText(), language));
        assertThat(cases(uscc)).isZero();

        String[] proof = proof();
        String wrong = "000000".equals(proof[1]) ? "111111" : "000000";
        HttpResponse<String> wrongCode = post(BASE, startBody(uscc, NEW_NAME, MOBILE, new String[] {proof[0], wrong}), null, language);
        assertThat(wrongCode.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(wrongCode.body()).get("fields").findValuesAsText("field")).containsExactly("mobileCode");
        assertInLanguage(JSON.readTree(wrongCode.body()).get("fields").get(0).get("message").asText(), language);
        assertThat(cases(uscc)).isZero();
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"zh-CN", "en"})
    void everyRuleOfTheCaseIsRefusedWithItsStatusInTheCallersLanguage(String language) throws Exception {
        String none = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        assertRefused(post(BASE, startBody(none, NEW_NAME, MOBILE, proof()), null, language), 404, "namechange.start.noActiveAccount",
                language);

        String organ = account(LegalPersonType.ORGAN);
        HttpResponse<String> reRegister = post(BASE, startBody(organ, NEW_NAME, MOBILE, proof()), null, language);
        assertRefused(reRegister, 422, "namechange.start.reRegister", language);
        assertThat(JSON.readTree(reRegister.body()).get("message").asText()).as("the type by its name, not its key")
                .contains(language.startsWith("zh") ? "机关" : "Government organ").doesNotContain("rules.");

        String uscc = account(LegalPersonType.ENTERPRISE);
        assertRefused(post(BASE, startBody(uscc, " " + OLD_NAME, MOBILE, proof()), null, language), 422, "namechange.start.sameName",
                language);
        assertThat(cases(uscc) + cases(organ) + cases(none)).isZero();

        HttpResponse<String> first = post(BASE, startBody(uscc, NEW_NAME, MOBILE, proof()), null, language);
        assertThat(first.statusCode()).isEqualTo(201);
        String number = JSON.readTree(first.body()).get("number").asText();
        HttpResponse<String> second = post(BASE, startBody(uscc, "深圳市另一名称有限公司", MOBILE, proof()), null, language);
        assertRefused(second, 409, "namechange.start.alreadyOpen", language);
        assertThat(second.body()).as("the other case is not named to a caller who proved no right to it").doesNotContain(number);
        assertThat(cases(uscc)).isEqualTo(1);
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"zh-CN", "en"})
    void theCaseIsOpenedOnlyWithItsCodeAndTheLicenceOnlyIntoItsSlot(String language) throws Exception {
        String uscc = account(LegalPersonType.ENTERPRISE);
        JsonNode started = JSON.readTree(post(BASE, startBody(uscc, NEW_NAME, MOBILE, proof()), null, language).body());
        String number = started.get("number").asText();
        String code = started.get("accessCode").asText();

        HttpResponse<String> wrong = get(BASE + "/" + number, "WRONGCOD", language);
        HttpResponse<String> unknown = get(BASE + "/NC20990101000000", "WRONGCOD", language);
        assertRefused(wrong, 401, "namechange.access.denied", language);
        assertThat(unknown.statusCode()).isEqualTo(401);
        // but for the tries left, which count the caller's address, not the case
        assertThat(unknown.body().replaceAll("\\d+", "#")).as("an unknown number and a wrong code look the same")
                .isEqualTo(wrong.body().replaceAll("\\d+", "#"));
        HttpResponse<String> noHeader = http.send(HttpRequest.newBuilder(uri(BASE + "/" + number)).header("Accept-Language", language)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertRefused(noHeader, 400, "namechange.api.missingHeader", language);

        assertRefused(upload(BASE + "/" + number + "/documents/statement", code, TestDocuments.png(), "a.png", "image/png", language),
                422, "namechange.upload.unknownSlot", language);
        HttpResponse<String> script = upload(BASE + "/" + number + "/documents/new-licence", code,
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "licence.pdf", "application/pdf", language);
        assertThat(script.statusCode()).isEqualTo(422);
        assertInLanguage(JSON.readTree(script.body()).get("message").asText(), language);
        HttpResponse<String> noFile = http.send(HttpRequest.newBuilder(uri(BASE + "/" + number + "/documents/new-licence"))
                .header("Content-Type", "multipart/form-data; boundary=x").header(NameChangeApiController.ACCESS_CODE, code)
                .header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.ofString("--x\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nv\r\n--x--\r\n"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertRefused(noFile, 400, "namechange.api.missingPart", language);

        assertRefused(post(BASE + "/" + number + "/submission", "", code, language), 422, "namechange.start.licenceRequired", language);
        assertThat(jdbc.sql("select state from name_change where number = :n").param("n", number).query(String.class).single())
                .isEqualTo("STARTED");
        assertRefused(post(BASE, "{\"uscc\": ", null, language), 400, "namechange.api.malformedJson", language);
    }

    @Test
    void theOpenApiDocumentDescribesTheNameChangeCalls() throws Exception {
        HttpResponse<String> document = http.send(HttpRequest.newBuilder(uri("/v3/api-docs")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(document.statusCode()).isEqualTo(200);
        JsonNode paths = JSON.readTree(document.body()).get("paths");
        assertThat(paths.has(BASE)).isTrue();
        for (String path : List.of("/mobile-codes", "/{number}", "/{number}/documents/{slot}", "/{number}/submission",
                "/{number}/licence-again", "/{number}/receipt")) {
            assertThat(paths.has(BASE + path)).as(path).isTrue();
        }
        assertThat(paths.get(BASE).get("post").get("tags").get(0).asText()).isEqualTo("Name change");
    }

    // ---- helpers --------------------------------------------------------------------------------

    private void assertRefused(HttpResponse<String> response, int status, String code, String language) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertInLanguage(body.get("message").asText(), language);
    }

    /** A message for people: not its key, and Chinese for zh-CN, without Chinese (but names) for en. */
    private static void assertInLanguage(String message, String language) {
        assertThat(message).isNotBlank().doesNotStartWith("namechange.").doesNotStartWith("rules.");
        boolean chinese = message.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        if (language.startsWith("zh")) {
            assertThat(chinese).as(message).isTrue();
        } else {
            assertThat(message.replace(OLD_NAME, "")).as(message).matches(".*[A-Za-z]{3,}.*");
        }
    }

    private String account(LegalPersonType type) {
        String uscc = TestCodes.uscc(type);
        accounts.open(uscc, OLD_NAME, type, "王五", "IMPORT", "test");
        return uscc;
    }

    private int cases(String uscc) {
        return jdbc.sql("select count(*) from name_change where uscc = :u").param("u", uscc).query(Integer.class).single();
    }

    private String[] proof() throws Exception {
        HttpResponse<String> sent = post(BASE + "/mobile-codes", JSON.writeValueAsString(Map.of("mobile", MOBILE)), null, "zh-CN");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        return new String[] {JSON.readTree(sent.body()).get("proofId").asText(), MobileProofFixture.smsCode(jdbc, MOBILE)};
    }

    private static String startBody(String uscc, String newName, String mobile, String[] proof) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("uscc", uscc);
        body.put("newName", newName);
        body.put("applicantName", "张三");
        body.put("applicantMobile", mobile);
        body.put("mobileProofId", proof[0]);
        body.put("mobileCode", proof[1]);
        return JSON.writeValueAsString(body);
    }

    private HttpResponse<String> post(String path, String json, String code, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Accept-Language", language).POST(HttpRequest.BodyPublishers.ofString(json));
        if (code != null) {
            request.header(NameChangeApiController.ACCESS_CODE, code);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String code, String language) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header(NameChangeApiController.ACCESS_CODE, code)
                .header("Accept-Language", language).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> upload(String path, String code, byte[] file, String name, String type) throws Exception {
        return upload(path, code, file, name, type, "zh-CN");
    }

    private HttpResponse<String> upload(String path, String code, byte[] file, String name, String type, String language)
            throws Exception {
        String boundary = "----reviewdesk" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header(NameChangeApiController.ACCESS_CODE, code).header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
