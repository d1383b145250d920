package org.reviewdesk.registration.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.registration.api.RegistrationApiClient.Answer;
import org.reviewdesk.registration.api.RegistrationApiClient.Draft;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The inputs outside testing broke the public API with (issue 15, "Bad input"), and their siblings:
 * multipart edges a real client sends, and text with characters that display as something else.
 */
@ApplicationTest
class RegistrationApiBadInputTest {

    private static final String SLOT = RegistrationApiClient.ENTERPRISE_SLOTS[0];
    private static final String RLO = "\u202E";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    private RegistrationApiClient client() {
        return new RegistrationApiClient(port, jdbc);
    }

    // ---- multipart -----------------------------------------------------------------------------

    @Test
    void aPartWithBothFilenameAndFilenameStarIsStoredUnderTheUtf8Name() throws Exception {
        Draft draft = client().draft(RegistrationApiClient.validForm());

        Answer answer = upload(draft, "form-data; name=\"file\"; filename=\"licence.pdf\"; filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7.pdf",
                "application/pdf", RegistrationApiClient.pdf("licence"), "en");

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().get("name").asText()).isEqualTo("营业执照.pdf");
    }

    @Test
    void aFilenameStarWithAnUnknownCharsetGetsTheApiError() throws Exception {
        Draft draft = client().draft(RegistrationApiClient.validForm());

        Answer answer = upload(draft, "form-data; name=\"file\"; filename=\"a.pdf\"; filename*=X-UNKNOWN''%FF%FE.pdf",
                "application/pdf", RegistrationApiClient.pdf("licence"), null);

        assertApiError(answer);
    }

    @Test
    void aBrokenPercentEscapeInFilenameStarGetsTheApiErrorInEnglish() throws Exception {
        Draft draft = client().draft(RegistrationApiClient.validForm());

        Answer answer = upload(draft, "form-data; name=\"file\"; filename=\"a.pdf\"; filename*=UTF-8''%E8%9.pdf",
                "application/pdf", RegistrationApiClient.pdf("licence"), "en");

        assertApiError(answer);
    }

    @Test
    void aSmallFileWithALongChineseNameIsAccepted() throws Exception {
        Draft draft = client().draft(RegistrationApiClient.validForm());
        String name = "营业执照".repeat(35) + ".pdf";

        Answer answer = client().upload(draft, SLOT, name, "application/pdf", RegistrationApiClient.pdf("licence"), null);

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().get("name").asText()).isEqualTo(name);
    }

    @Test
    void aSmallFileWithALongAsciiNameIsAcceptedAndItsNameShortenedKeepingTheExtension() throws Exception {
        Draft draft = client().draft(RegistrationApiClient.validForm());
        String name = "a".repeat(420) + ".pdf";

        Answer answer = client().upload(draft, SLOT, name, "application/pdf", RegistrationApiClient.pdf("licence"), "en");

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().get("name").asText()).hasSize(255).endsWith("aaa.pdf");
    }

    @Test
    void anEnormousPartHeaderIsRefusedAsABadRequestNotAsTooLarge() throws Exception {
        Draft draft = client().draft(RegistrationApiClient.validForm());
        String name = "a".repeat(20_000) + ".pdf";

        Answer answer = client().upload(draft, SLOT, name, "application/pdf", RegistrationApiClient.pdf("licence"), "en");

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().get("code").asText()).isEqualTo("intake.upload.headerTooLong");
        assertThat(answer.json().get("message").asText()).doesNotContain("10 MB").contains("file name is too long");
    }

    @Test
    void percentEscapesABrowserSentAreDecodedThenSanitised() throws Exception {
        Draft draft = client().draft(RegistrationApiClient.validForm());

        Answer answer = client().upload(draft, SLOT, "%22report%22%0D%0Aof 2025.pdf", "application/pdf",
                RegistrationApiClient.pdf("licence"), null);

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().get("name").asText()).isEqualTo("_report_of 2025.pdf");
    }

    @Test
    void aPercentSignThatIsNoEscapeIsKept() throws Exception {
        Draft draft = client().draft(RegistrationApiClient.validForm());

        Answer answer = client().upload(draft, SLOT, "100% 合格%zz.pdf", "application/pdf", RegistrationApiClient.pdf("licence"), null);

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().get("name").asText()).isEqualTo("100% 合格%zz.pdf");
    }

    @Test
    void anEmptyFileNameGetsTheFallbackNameAndTheDownloadItsExtension() throws Exception {
        Draft draft = client().draft(RegistrationApiClient.validForm());

        Answer answer = client().upload(draft, SLOT, "", "application/pdf", RegistrationApiClient.pdf("licence"), null);

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().get("name").asText()).isEqualTo("document");
    }

    @Test
    void aPartWithoutContentTypeIsJudgedByItsContent() throws Exception {
        Draft draft = client().draft(RegistrationApiClient.validForm());

        Answer answer = upload(draft, "form-data; name=\"file\"; filename=\"licence.pdf\"", null, RegistrationApiClient.pdf("licence"), null);

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().get("type").asText()).isEqualTo("PDF");
    }

    @Test
    void aZeroBytePartIsRefusedWithTheApiErrorInBothLanguages() throws Exception {
        Draft draft = client().draft(RegistrationApiClient.validForm());
        long before = documents();

        Answer zh = upload(draft, "form-data; name=\"file\"; filename=\"empty.pdf\"", "application/pdf", new byte[0], null);
        Answer en = upload(draft, "form-data; name=\"file\"; filename=\"empty.pdf\"", "application/pdf", new byte[0], "en");

        assertThat(zh.status()).as(zh.body()).isEqualTo(422);
        assertThat(en.status()).isEqualTo(422);
        assertThat(zh.json().get("message").asText()).isNotEqualTo(en.json().get("message").asText());
        assertThat(documents()).isEqualTo(before);
    }

    @Test
    void twoFilePartsAreRefusedAndNeitherIsStored() throws Exception {
        Draft draft = client().draft(RegistrationApiClient.validForm());
        String boundary = "----reviewdesk" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String name : new String[] {"first.pdf", "second.pdf"}) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                    + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(RegistrationApiClient.pdf(name));
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

        long before = documents();

        Answer answer = send(draft, boundary, body.toByteArray(), "en");

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().get("code").asText()).isEqualTo("intake.upload.oneFile");
        assertThat(answer.json().get("message").asText()).isEqualTo("Upload one file at a time.");
        assertThat(documents()).isEqualTo(before);
    }

    // ---- text fields ---------------------------------------------------------------------------

    @Test
    void aNameWithABidiOverrideIsRefused() throws Exception {
        Map<String, Object> form = RegistrationApiClient.validForm();
        form.put("name", "成都" + RLO + "司公限有");

        Answer zh = client().create(form, null, null);
        Answer en = client().create(form, "en", null);

        assertThat(zh.status()).as(zh.body()).isEqualTo(422);
        assertThat(fieldCode(zh.json(), "name")).isEqualTo("registration.name.invalid");
        assertThat(fieldCode(en.json(), "name")).isEqualTo("registration.name.invalid");
        assertThat(fieldMessage(en.json(), "name")).contains("invisible");
        assertThat(fieldMessage(zh.json(), "name")).contains("不可见");
    }

    @Test
    void everyNameFieldRefusesInvisibleFormattingCharacters() throws Exception {
        for (String field : new String[] {"representativeName", "name"}) {
            for (String hidden : new String[] {"\u202E", "\u2066", "\u200B", "\u200F", "\uFEFF", "\u0007"}) {
                Map<String, Object> form = RegistrationApiClient.validForm();
                form.put(field, "张" + hidden + "三");

                Answer answer = client().create(form, "en", null);

                assertThat(answer.status()).as(field + " " + Integer.toHexString(hidden.charAt(0)) + " " + answer.body()).isEqualTo(422);
                assertThat(fieldCode(answer.json(), field)).as(field).endsWith(".invalid");
            }
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Answer upload(Draft draft, String disposition, String contentType, byte[] content, String language) throws Exception {
        String boundary = "----reviewdesk" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n") + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(draft, boundary, body.toByteArray(), language);
    }

    private Answer send(Draft draft, String boundary, byte[] body, String language) throws Exception {
        return client().send(client().request(RegistrationApiClient.BASE + "/" + draft.number() + "/documents/" + SLOT, language)
                .header("X-Access-Code", draft.code())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private void assertApiError(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().get("code").asText()).isEqualTo("registration.api.badRequest");
        assertThat(answer.json().get("message").asText()).isNotBlank();
    }

    private long documents() {
        return RegistrationApiClient.Rows.in(jdbc).documents();
    }

    private static String fieldCode(JsonNode error, String field) {
        for (JsonNode f : error.get("fields")) {
            if (f.get("field").asText().equals(field)) {
                return f.get("code").asText();
            }
        }
        return null;
    }

    private static String fieldMessage(JsonNode error, String field) {
        for (JsonNode f : error.get("fields")) {
            if (f.get("field").asText().equals(field)) {
                return f.get("message").asText();
            }
        }
        return null;
    }
}
