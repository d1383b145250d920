package org.reviewdesk.registration.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.registration.api.RegistrationApiClient.Answer;
import org.reviewdesk.registration.api.RegistrationApiClient.Draft;
import org.reviewdesk.registration.api.RegistrationApiClient.Rows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every rule-breaking input gets its own message at its field, in the caller's language, and
 * leaves nothing behind: no application row, no document.
 */
@ApplicationTest
class RegistrationApiRefusalTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    // ---- the form ------------------------------------------------------------------------------

    @Test
    void aMissingNameIsRefused() throws Exception {
        JsonNode error = refusedForm(form -> form.remove("name"), null, 422);

        assertField(error, "name", "registration.name.required", "请填写法人名称（与证照一致）。");
    }

    @Test
    void aBlankNameIsRefusedInEnglish() throws Exception {
        JsonNode error = refusedForm(form -> form.put("name", "   "), "en", 422);

        assertThat(error.get("code").asText()).isEqualTo("registration.form.invalid");
        assertThat(error.get("message").asText()).isEqualTo("Please correct the marked item and try again.");
        assertField(error, "name", "registration.name.required", "Enter the name exactly as on the certificate.");
    }

    @Test
    void aCreditCodeOfTheWrongLengthIsRefused() throws Exception {
        JsonNode error = refusedForm(form -> form.put("uscc", "91440300192203821"), null, 422);

        assertField(error, "uscc", "rules.uscc.wrongLength", "统一社会信用代码应为18位，您输入了17位，请对照证照核对。");
    }

    @Test
    void aCreditCodeWithALetterItNeverUsesIsRefused() throws Exception {
        JsonNode error = refusedForm(form -> form.put("uscc", "9144030019220382I6"), "en", 422);

        assertFieldCode(error, "uscc", "rules.uscc.invalidCharacter");
        assertThat(fieldMessage(error, "uscc")).contains("17").contains("I");
    }

    @Test
    void aSichuanCodeIsSentToTheProvincesOwnRegistration() throws Exception {
        JsonNode error = refusedForm(form -> {
            form.put("legalPersonType", "ORGAN");
            form.put("uscc", "11510000MB1690541M");
        }, null, 422);

        assertFieldCode(error, "uscc", "registration.uscc.sichuan");
        assertThat(fieldMessage(error, "uscc")).contains("四川省内登记的主体请直接在四川政务服务网自行注册");
    }

    @Test
    void anOrganWithAnEnterprisesCodeIsRefused() throws Exception {
        JsonNode error = refusedForm(form -> form.put("legalPersonType", "ORGAN"), "en", 422);

        assertFieldCode(error, "uscc", "registration.uscc.typeMismatch.ENTERPRISE");
        assertThat(fieldMessage(error, "uscc")).startsWith("Positions 1-2 of this code say it belongs to an enterprise");
    }

    @Test
    void aCheckCharacterThatDoesNotMatchMustBeConfirmed() throws Exception {
        String valid = RegistrationApiClient.newUscc("91");
        String mismatching = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        JsonNode error = refusedForm(form -> form.put("uscc", mismatching), null, 422);

        assertFieldCode(error, "usccConfirmed", "rules.uscc.checkCharacterMismatch");
        assertThat(fieldMessage(error, "usccConfirmed")).contains("校验位");

        Map<String, Object> confirmed = RegistrationApiClient.validForm(mismatching);
        confirmed.put("usccConfirmed", true);
        assertThat(new RegistrationApiClient(port, jdbc).create(confirmed, null, null).status()).isEqualTo(201);
    }

    @Test
    void aLowerCaseXInTheIdNumberAsksForAnUpperCaseX() throws Exception {
        JsonNode error = refusedForm(form -> form.put("representativeIdNumber", "11010519491231002x"), null, 422);

        assertField(error, "representativeIdNumber", "rules.id.lowerCaseX", "证件号码最后一位的字母X须为大写。请将输入法切换为大写状态后重新输入。");
    }

    @Test
    void aLandlineIsNoMobileNumber() throws Exception {
        JsonNode error = refusedForm(form -> form.put("representativeMobile", "02812345678"), null, 422);

        assertFieldCode(error, "representativeMobile", "rules.mobile.notAMobileNumber");
        assertThat(fieldMessage(error, "representativeMobile")).contains("请勿填写座机号码");
    }

    @Test
    void aMalformedEmailIsRefused() throws Exception {
        JsonNode error = refusedForm(form -> form.put("contactEmail", "registration@example"), "en", 422);

        assertField(error, "contactEmail", "registration.email.invalid",
                "This is not a mail address (e.g. name@example.com); the field may also stay empty.");
    }

    @Test
    void theRepresentativeCannotAlsoBeTheAgent() throws Exception {
        JsonNode error = refusedForm(form -> {
            form.put("agentApplies", true);
            form.put("agentName", "马化腾");
            form.put("agentIdType", "RESIDENT_ID");
            form.put("agentIdNumber", RegistrationApiClient.REPRESENTATIVE_ID);
            form.put("agentMobile", RegistrationApiClient.MOBILE);
        }, null, 422);

        assertFieldCode(error, "agentIdNumber", "registration.agent.sameAsRepresentative");
        assertThat(fieldMessage(error, "agentIdNumber")).contains("无需填写经办人信息");
    }

    @Test
    void aFoundationIsNotServedByThisForm() throws Exception {
        JsonNode error = refusedForm(form -> {
            form.put("legalPersonType", "FOUNDATION");
            form.put("uscc", RegistrationApiClient.newUscc("53"));
        }, "en", 422);

        assertFieldCode(error, "legalPersonType", "registration.type.unsupported");
        assertThat(fieldMessage(error, "legalPersonType")).startsWith("This form is for enterprises");
    }

    @Test
    void malformedJsonIsABadRequestWithATranslatedMessage() throws Exception {
        Rows before = Rows.in(jdbc);

        Answer answer = new RegistrationApiClient(port, jdbc).create("{\"name\": \"x\",", null, null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("code").asText()).isEqualTo("registration.api.malformedJson");
        assertThat(answer.json().get("message").asText()).isEqualTo("请求内容不是有效的 JSON，或字段的格式不正确。");
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(Rows.in(jdbc)).isEqualTo(before);
    }

    @Test
    void anUnknownLegalPersonTypeNamesTheFieldAndTheAllowedValues() throws Exception {
        Rows before = Rows.in(jdbc);
        Map<String, Object> form = RegistrationApiClient.validForm();
        form.put("legalPersonType", "COMPANY");

        Answer answer = new RegistrationApiClient(port, jdbc).create(form, "en", null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("code").asText()).isEqualTo("registration.api.invalidValue");
        assertThat(answer.json().get("message").asText()).contains("legalPersonType").contains("COMPANY").contains("ENTERPRISE");
        assertThat(Rows.in(jdbc)).isEqualTo(before);
    }

    @Test
    void anUnknownTypeInTheQueryIsABadRequest() throws Exception {
        Answer answer = new RegistrationApiClient(port, jdbc).requiredDocuments("legalPersonType=COMPANY", null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("code").asText()).isEqualTo("registration.api.invalidParameter");
        assertThat(answer.json().get("message").asText()).contains("legalPersonType");
    }

    @Test
    void aRefusedChangeOfADraftKeepsTheDraftAsItWas() throws Exception {
        RegistrationApiClient api = new RegistrationApiClient(port, jdbc);
        Map<String, Object> form = RegistrationApiClient.validForm();
        Draft draft = api.draft(form);
        form.put("contactMobile", "12345");

        Answer answer = api.update(draft, form, null);

        assertThat(answer.status()).isEqualTo(422);
        assertFieldCode(answer.json(), "contactMobile", "rules.mobile.wrongLength");
        assertThat(api.status(draft, null).json().get("contactMobile").asText()).isEqualTo("138****5678");
    }

    // ---- documents and submission ---------------------------------------------------------------

    @Test
    void anUploadToASlotTheApplicationDoesNotNeedIsRefused() throws Exception {
        RegistrationApiClient api = new RegistrationApiClient(port, jdbc);
        Draft draft = api.draft(RegistrationApiClient.validForm());
        Rows before = Rows.in(jdbc);

        Answer answer = api.upload(draft, "agent-authorisation", "letter.pdf", "application/pdf", RegistrationApiClient.pdf("letter"), "en");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("code").asText()).isEqualTo("registration.upload.slotNotRequired");
        assertThat(answer.json().get("message").asText()).isEqualTo("This document is not on the application's list.");
        assertThat(Rows.in(jdbc)).isEqualTo(before);
    }

    @Test
    void aScriptNamedPdfIsRefusedAndNotStored() throws Exception {
        RegistrationApiClient api = new RegistrationApiClient(port, jdbc);
        Draft draft = api.draft(RegistrationApiClient.validForm());
        Rows before = Rows.in(jdbc);

        Answer answer = api.upload(draft, "business-licence", "licence.pdf", "application/pdf",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), null);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("code").asText()).isEqualTo("inspection.refused.unsupportedType");
        assertThat(answer.json().get("message").asText()).startsWith("只能上传PDF、JPG或PNG格式的文件。");
        assertThat(Rows.in(jdbc)).isEqualTo(before);
    }

    @Test
    void anUploadWithoutAFilePartIsABadRequest() throws Exception {
        RegistrationApiClient api = new RegistrationApiClient(port, jdbc);
        Draft draft = api.draft(RegistrationApiClient.validForm());
        String boundary = "----reviewdesk-empty";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--" + boundary + "--\r\n";

        Answer answer = api.send(api.request(RegistrationApiClient.BASE + "/" + draft.number() + "/documents/business-licence", null)
                .header("X-Access-Code", draft.code()).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("code").asText()).isEqualTo("registration.api.missingParameter");
    }

    @Test
    void submittingWithoutTheDeclarationIsRefusedAndTheDraftStays() throws Exception {
        RegistrationApiClient api = new RegistrationApiClient(port, jdbc);
        Draft draft = api.completeDraft(RegistrationApiClient.validForm());

        Answer answer = api.submit(draft, "{\"declarationAccepted\": false}", "en");

        assertThat(answer.status()).isEqualTo(422);
        assertField(answer.json(), "declaration", "registration.declaration.required", "Read and tick the declaration.");
        assertThat(api.status(draft, null).json().at("/state/code").asText()).isEqualTo("DRAFT");
        assertThat(api.submit(draft, null, null).status()).as("no body: no declaration").isEqualTo(422);
    }

    @Test
    void submittingWithADocumentMissingNamesTheDocument() throws Exception {
        RegistrationApiClient api = new RegistrationApiClient(port, jdbc);
        Draft draft = api.draft(RegistrationApiClient.validForm());
        api.upload(draft, "business-licence", "licence.pdf", "application/pdf", RegistrationApiClient.pdf("licence"), null);
        api.upload(draft, "id-representative-front", "front.png", "image/png", RegistrationApiClient.image("png"), null);

        Answer answer = api.submit(draft);

        assertThat(answer.status()).isEqualTo(422);
        assertField(answer.json(), "documents", "registration.documents.missing.id-representative-back", "请上传：法定代表人身份证（国徽面）。");
        assertThat(api.status(draft, null).json().at("/state/code").asText()).isEqualTo("DRAFT");
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** Sends a valid form changed by {@code change}, expects the status and that nothing was created. */
    private JsonNode refusedForm(Consumer<Map<String, Object>> change, String language, int status) throws Exception {
        Map<String, Object> form = RegistrationApiClient.validForm();
        change.accept(form);
        Rows before = Rows.in(jdbc);

        Answer answer = new RegistrationApiClient(port, jdbc).create(form, language, null);

        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(Rows.in(jdbc)).as("nothing created").isEqualTo(before);
        return answer.json();
    }

    private static void assertField(JsonNode error, String field, String code, String message) {
        assertFieldCode(error, field, code);
        assertThat(fieldMessage(error, field)).isEqualTo(message);
    }

    private static void assertFieldCode(JsonNode error, String field, String code) {
        assertThat(error.get("fields")).as(error.toString())
                .anySatisfy(f -> {
                    assertThat(f.get("field").asText()).isEqualTo(field);
                    assertThat(f.get("code").asText()).isEqualTo(code);
                });
    }

    private static String fieldMessage(JsonNode error, String field) {
        for (JsonNode f : error.get("fields")) {
            if (f.get("field").asText().equals(field)) {
                return f.get("message").asText();
            }
        }
        throw new AssertionError("no error at " + field + ": " + error);
    }
}
