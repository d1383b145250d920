package org.reviewdesk.registration.api;

import org.reviewdesk.registration.RegistrationReview;
import org.reviewdesk.registration.ReviewFixture;
import org.reviewdesk.review.ReviewDecision;
import org.reviewdesk.review.DocumentVerdict;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.registration.api.RegistrationApiClient.Answer;
import org.reviewdesk.registration.api.RegistrationApiClient.Draft;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.ApplicationContext;

/**
 * The portal's front end registers an enterprise over real HTTP, anonymously: the documents it
 * needs, a draft, three uploads, submission, the status page and the receipt.
 */
@ApplicationTest
class RegistrationApiHappyPathTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired RegistrationReview reviews;
    @Autowired ApplicationContext context;

    @Test
    void anEnterpriseRegistersFromTheRequiredDocumentsToTheReceipt() throws Exception {
        RegistrationApiClient api = new RegistrationApiClient(port, jdbc);

        Answer required = api.requiredDocuments("legalPersonType=ENTERPRISE&agentApplies=false", null);
        assertThat(required.status()).as(required.body()).isEqualTo(200);
        assertThat(slots(required.json())).containsExactly(RegistrationApiClient.ENTERPRISE_SLOTS);
        assertThat(required.json().get(0).get("name").asText()).isEqualTo("营业执照");

        Map<String, Object> form = RegistrationApiClient.validForm();
        Answer created = api.create(form, null, null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String number = created.json().get("applicationNumber").asText();
        assertThat(number).startsWith("RD");
        assertThat(created.json().get("accessCode").asText()).hasSize(8);
        assertThat(slots(created.json().get("requiredDocuments"))).containsExactly(RegistrationApiClient.ENTERPRISE_SLOTS);
        assertThat(created.header("Location")).endsWith("/api/public/registrations/" + number);
        assertThat(created.header("Set-Cookie")).as("no session for the public API").isNull();
        Draft draft = new Draft(number, created.json().get("accessCode").asText());

        Answer licence = api.upload(draft, "business-licence", "营业执照.pdf", "application/pdf",
                RegistrationApiClient.pdf("business licence"), null);
        assertThat(licence.status()).as(licence.body()).isEqualTo(201);
        assertThat(licence.json().get("slot").asText()).isEqualTo("business-licence");
        assertThat(licence.json().get("version").asInt()).isEqualTo(1);
        assertThat(licence.json().get("name").asText()).isEqualTo("营业执照.pdf");
        assertThat(licence.json().get("type").asText()).isEqualTo("PDF");
        assertThat(licence.json().get("pages").asInt()).isEqualTo(1);
        assertThat(licence.json().get("size").asLong()).isPositive();
        assertThat(licence.json().get("previewState").asText()).isIn("PENDING", "READY");
        Answer front = api.upload(draft, "id-representative-front", "front.png", "image/png", RegistrationApiClient.image("png"), null);
        assertThat(front.status()).as(front.body()).isEqualTo(201);
        assertThat(front.json().get("type").asText()).isEqualTo("PNG");
        Answer back = api.upload(draft, "id-representative-back", "back.jpg", "image/jpeg", RegistrationApiClient.image("jpg"), null);
        assertThat(back.status()).as(back.body()).isEqualTo(201);
        assertThat(back.json().get("type").asText()).isEqualTo("JPEG");

        Answer submitted = api.submit(draft);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().get("applicationNumber").asText()).isEqualTo(number);
        assertThat(submitted.json().get("state").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.json().get("submittedAt").isNull()).isFalse();

        Answer status = api.status(draft, null);
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        JsonNode page = status.json();
        assertThat(page.at("/state/code").asText()).isEqualTo("SUBMITTED");
        assertThat(page.at("/state/label").asText()).isEqualTo("已提交，自动核验中");
        assertThat(page.at("/legalPersonType/label").asText()).isEqualTo("企业");
        assertThat(page.get("receiptAvailable").asBoolean()).isTrue();
        assertThat(page.get("contactMobile").asText()).isEqualTo("138****5678");
        assertThat(texts(page.get("timeline"), "text")).contains("创建申请草稿", "提交申请");
        assertThat(texts(page.get("documents"), "name")).containsExactly("营业执照", "法定代表人身份证（人像面）", "法定代表人身份证（国徽面）");
        assertThat(page.at("/documents/0/latest/id").asLong()).isEqualTo(licence.json().get("id").asLong());
        assertThat(page.get("supplementRequest").isNull()).isTrue();

        Answer again = api.submit(draft);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(submitted.json());

        Answer receipt = api.receipt(draft);
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(200);
        assertThat(receipt.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(receipt.header("Content-Disposition")).startsWith("attachment;").contains("receipt-" + number + ".pdf");
        assertThat(receipt.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(receipt.header("Cache-Control")).contains("no-store");
        assertThat(new String(receipt.bytes(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void aRequestForDocumentsGivesTheReasonPerDocumentAndInOneText() throws Exception {
        ReviewFixture.Applied applied = ReviewFixture.inReviewWithAccess(context, "兰州示例有限公司");
        reviews.decide(applied.number(), new ReviewDecision.RequestDocuments(List.of(
                DocumentVerdict.newVersionNeeded("business-licence", "照片反光"),
                DocumentVerdict.accepted("id-representative-front")), null), new org.reviewdesk.platform.CurrentUser("reviewer", java.util.Set.of(org.reviewdesk.platform.Role.REVIEWER)));

        JsonNode request = new RegistrationApiClient(port, jdbc).status(new Draft(applied.number(), applied.accessCode()), null)
                .json().get("supplementRequest");

        assertThat(texts(request.get("documents"), "slot")).containsExactly("business-licence");
        assertThat(request.at("/reasons/0/name").asText()).isEqualTo("营业执照");
        assertThat(request.at("/reasons/0/reason").asText()).isEqualTo("照片反光");
        assertThat(request.get("reason").asText()).as("for clients that read one text").isEqualTo("营业执照：照片反光");
    }

    @Test
    void theStatusPageSpeaksTheRequestsLanguage() throws Exception {
        RegistrationApiClient api = new RegistrationApiClient(port, jdbc);
        Draft draft = api.draft(RegistrationApiClient.validForm());

        JsonNode page = api.status(draft, "en").json();

        assertThat(page.at("/state/code").asText()).isEqualTo("DRAFT");
        assertThat(page.at("/state/label").asText()).isEqualTo("Draft");
        assertThat(page.at("/timeline/0/text").asText()).isEqualTo("Draft created");
        assertThat(page.at("/documents/0/name").asText()).isEqualTo("Business licence");
        assertThat(page.get("receiptAvailable").asBoolean()).isFalse();
    }

    @Test
    void anAgentsApplicationAlsoNeedsTheAuthorisationAndTheAgentsIdInEnglish() throws Exception {
        Answer required = new RegistrationApiClient(port, jdbc).requiredDocuments("legalPersonType=ENTERPRISE&agentApplies=true", "en");

        assertThat(required.status()).isEqualTo(200);
        assertThat(slots(required.json())).contains("business-licence", "agent-authorisation", "id-agent-front", "id-agent-back");
        assertThat(texts(required.json(), "name")).contains("Business licence", "Letter of authorisation with the official seal");
    }

    @Test
    void aDraftsFormCanBeChangedUntilItIsSubmitted() throws Exception {
        RegistrationApiClient api = new RegistrationApiClient(port, jdbc);
        Map<String, Object> form = RegistrationApiClient.validForm();
        Draft draft = api.completeDraft(form);
        form.put("name", "深圳市腾讯计算机系统有限公司（更正）");

        assertThat(api.update(draft, form, null).status()).isEqualTo(204);
        assertThat(api.status(draft, null).json().get("name").asText()).isEqualTo("深圳市腾讯计算机系统有限公司（更正）");

        api.submit(draft);
        Answer late = api.update(draft, form, "en");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("code").asText()).isEqualTo("registration.draft.alreadySubmitted");
        assertThat(late.json().get("message").asText()).isEqualTo("The application was submitted and can no longer be changed.");
    }

    static List<String> slots(JsonNode list) {
        return texts(list, "slot");
    }

    static List<String> texts(JsonNode list, String field) {
        List<String> texts = new ArrayList<>();
        list.forEach(item -> texts.add(item.get(field).asText()));
        return texts;
    }
}
