package org.reviewdesk.registration.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.registration.api.RegistrationApiClient.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the public API really answers to bad input is what its OpenAPI document says: for every
 * operation of the document, sample bad requests (no access code, a wrong one, a body that is not
 * JSON, a form breaking a rule, an unknown enum value, a wrong media type) get an answer whose status
 * that operation documents with the error schema, and the body {@code {"code", "message"}}, also
 * where Spring refuses before any controller is chosen. A new operation without samples fails the test.
 */
@ApplicationTest
class PublicApiContractTest {

    private static final String REGISTRATIONS = "/api/public/registrations";
    private static final String REPRESENTATIVE = "/api/public/representative-changes";
    private static final String NAME_CHANGES = "/api/public/name-changes";
    private static final String WRONG_CODE = "AAAAAAAA";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    /** A bad request to one operation: the document's path template and method, and the request sent. */
    private record Sample(String method, String template, String path, String code, String contentType, String body) {

        String operation() {
            return method.toUpperCase() + " " + template;
        }

        String describe() {
            return method.toUpperCase() + " " + path + (code == null ? " (no code)" : " (code " + code + ")")
                    + (contentType == null ? "" : " " + contentType + ": " + body);
        }
    }

    /** Wrong codes count per address (all tests come from 127.0.0.1): leave none for the next test. */
    @AfterEach
    void forgetWrongCodes() {
        jdbc.sql("delete from login_throttle where throttle_key like 'applicant:%'").update();
    }

    @Test
    void everyStatusTheApiGivesForBadInputIsDocumentedWithTheErrorSchema() throws Exception {
        RegistrationApiClient api = new RegistrationApiClient(port, jdbc);
        JsonNode document = api.get("/v3/api-docs", null).json();
        SoftAssertions softly = new SoftAssertions();
        Set<String> withoutTheSchema = new TreeSet<>();

        for (Sample sample : samples()) {
            Answer answer = send(api, sample);

            String documented = "/paths/" + sample.template().replace("~", "~0").replace("/", "~1") + "/" + sample.method()
                    + "/responses/" + answer.status();
            softly.assertThat(answer.status()).as("%s answers an error", sample.describe()).isBetween(400, 499);
            softly.assertThat(document.at(documented).isMissingNode())
                    .as("%s answers %d, which its operation does not document: %s", sample.describe(), answer.status(), answer.body())
                    .isFalse();
            softly.assertThat(document.at(documented + "/content/application~1json/schema/$ref").asText())
                    .as("%s documents %d with the error schema", sample.describe(), answer.status())
                    .isEqualTo("#/components/schemas/" + RegistrationApiDocumentation.ERROR_SCHEMA);
            softly.assertThat(answer.header("Content-Type")).as(sample.describe()).startsWith("application/json");
            JsonNode error = answer.json();
            if (!(error.path("code").isTextual() && error.path("message").isTextual())) {
                withoutTheSchema.add(sample.operation() + " " + answer.status());
            }
        }
        softly.assertThat(withoutTheSchema).as("answers without {code, message}").isEmpty();
        softly.assertAll();
    }

    @Test
    void aMediaTypeRefusedBeforeAnyControllerIsAnsweredInTheCallersLanguage() throws Exception {
        RegistrationApiClient api = new RegistrationApiClient(port, jdbc);
        for (String language : List.of("en", "zh-CN")) {
            Answer answer = api.send(api.request(NAME_CHANGES + "/mobile-codes", language).header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("13812345678")));

            assertThat(answer.status()).isEqualTo(415);
            assertThat(answer.json().path("code").asText()).isEqualTo("registration.api.unsupportedMediaType");
            assertThat(answer.json().path("message").asText()).contains("application/json")
                    .contains(language.equals("en") ? "content type is not supported" : "不支持");
        }
    }

    @Test
    void everyOperationOfTheDocumentHasSamples() throws Exception {
        JsonNode paths = new RegistrationApiClient(port, jdbc).get("/v3/api-docs", null).json().get("paths");
        Set<String> documented = new LinkedHashSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey())));

        Set<String> sampled = new LinkedHashSet<>(samples().stream().map(Sample::operation).toList());

        assertThat(sampled).containsExactlyInAnyOrderElementsOf(documented);
    }

    private static List<Sample> samples() {
        List<Sample> samples = new ArrayList<>();
        // registration
        samples.add(get(REGISTRATIONS + "/required-documents", REGISTRATIONS + "/required-documents", null));
        samples.add(get(REGISTRATIONS + "/required-documents", REGISTRATIONS + "/required-documents?legalPersonType=NONE", null));
        samples.addAll(mobileCodes(REGISTRATIONS));
        samples.addAll(starts(REGISTRATIONS));
        String draft = REGISTRATIONS + "/RD19700101999999";
        samples.add(new Sample("put", REGISTRATIONS + "/{number}", draft, WRONG_CODE, "application/json", "{}"));
        samples.add(new Sample("put", REGISTRATIONS + "/{number}", draft, null, "application/json", "{}"));
        samples.add(new Sample("put", REGISTRATIONS + "/{number}", draft, WRONG_CODE, "text/plain", "form"));
        samples.addAll(coded(REGISTRATIONS, draft, "get", "", "post", "/submit", "post", "/supplement", "get", "/receipt"));
        samples.addAll(uploads(REGISTRATIONS + "/{number}/documents/{slot}", draft + "/documents/business-licence"));
        // process 2
        samples.addAll(mobileCodes(REPRESENTATIVE));
        samples.addAll(starts(REPRESENTATIVE));
        String change = REPRESENTATIVE + "/DR19700101999999";
        samples.addAll(coded(REPRESENTATIVE, change, "get", "", "post", "/submission", "post", "/supplement-answer"));
        samples.add(new Sample("get", REPRESENTATIVE + "/{number}/receipts/{kind}", change + "/receipts/ACCEPTANCE", WRONG_CODE, null, null));
        samples.add(new Sample("get", REPRESENTATIVE + "/{number}/receipts/{kind}", change + "/receipts/NONE", WRONG_CODE, null, null));
        samples.addAll(uploads(REPRESENTATIVE + "/{number}/documents/{slot}", change + "/documents/id-front"));
        // process 3
        samples.addAll(mobileCodes(NAME_CHANGES));
        samples.addAll(starts(NAME_CHANGES));
        String rename = NAME_CHANGES + "/NC19700101999999";
        samples.addAll(coded(NAME_CHANGES, rename, "get", "", "post", "/submission", "get", "/receipt"));
        samples.addAll(uploads(NAME_CHANGES + "/{number}/documents/{slot}", rename + "/documents/new-licence"));
        samples.addAll(uploads(NAME_CHANGES + "/{number}/licence-again", rename + "/licence-again"));
        return samples;
    }

    private static Sample get(String template, String path, String code) {
        return new Sample("get", template, path, code, null, null);
    }

    /** Not a mobile number, a body that is not JSON, a body that is not JSON at all by its type. */
    private static List<Sample> mobileCodes(String base) {
        String template = base + "/mobile-codes";
        return List.of(new Sample("post", template, template, null, "application/json", "{\"mobile\": \"123\"}"),
                new Sample("post", template, template, null, "application/json", "{not json"),
                new Sample("post", template, template, null, "text/plain", "13812345678"));
    }

    /** An empty form (rules broken, no mobile proof), an unknown enum value, a body that is not JSON. */
    private static List<Sample> starts(String base) {
        return List.of(new Sample("post", base, base, null, "application/json", "{}"),
                new Sample("post", base, base, null, "application/json", "{\"legalPersonType\": \"NONE\", \"reason\": \"NONE\"}"),
                new Sample("post", base, base, null, "application/json", "[1, 2"));
    }

    /** Each operation on a case (method, path suffix pairs) with a wrong code and without one. */
    private static List<Sample> coded(String base, String casePath, String... methodsAndSuffixes) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < methodsAndSuffixes.length; i += 2) {
            String method = methodsAndSuffixes[i];
            String suffix = methodsAndSuffixes[i + 1];
            samples.add(new Sample(method, base + "/{number}" + suffix, casePath + suffix, WRONG_CODE, null, null));
            samples.add(new Sample(method, base + "/{number}" + suffix, casePath + suffix, null, null, null));
        }
        return samples;
    }

    /** A wrong code (checked before the body is read), and a body that is not multipart. */
    private static List<Sample> uploads(String template, String path) {
        return List.of(new Sample("post", template, path, WRONG_CODE, "multipart/form-data; boundary=x", "--x\r\n\r\n--x--\r\n"),
                new Sample("post", template, path, WRONG_CODE, "application/json", "{}"));
    }

    private static Answer send(RegistrationApiClient api, Sample sample) throws Exception {
        HttpRequest.Builder request = api.request(sample.path(), null);
        if (sample.code() != null) {
            request.header("X-Access-Code", sample.code());
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (sample.contentType() != null) {
            request.header("Content-Type", sample.contentType());
            body = HttpRequest.BodyPublishers.ofString(sample.body());
        }
        return api.send(request.method(sample.method().toUpperCase(), body));
    }
}
