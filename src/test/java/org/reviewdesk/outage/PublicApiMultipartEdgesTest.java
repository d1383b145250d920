package org.reviewdesk.outage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.accounts.EnterpriseAccounts;
import org.reviewdesk.namechange.NameChangeRequest;
import org.reviewdesk.namechange.NameChanges;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.registration.TestDocuments;
import org.reviewdesk.representative.ChangeReason;
import org.reviewdesk.representative.ChangeRequest;
import org.reviewdesk.representative.RepresentativeChanges;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.TestCodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 15's multipart edges, found on registration's API, on the public APIs of process 2
 * (representative change) and process 3 (name change): a part with both {@code filename} and
 * {@code filename*}, a broken {@code filename*}, a long file name in a small file, an enormous part
 * header, two file parts. Each gets the API's {@code {code, message}} in the caller's language, never
 * Spring's default body or "larger than 10 MB", and a refused upload stores nothing.
 */
@ApplicationTest
class PublicApiMultipartEdgesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CurrentUser CLERK = new CurrentUser("window", Set.of(Role.WINDOW_CLERK));
    private static final String MOBILE = "13812345678";
    private static final String ID_NUMBER = "11010519491231002X";

    /** The two APIs, each with the path of a slot that takes a PDF. */
    enum Api {
        REPRESENTATIVE("/api/public/representative-changes", "new-licence"),
        NAME_CHANGE("/api/public/name-changes", "new-licence");

        final String base;
        final String slot;

        Api(String base, String slot) {
            this.base = base;
            this.slot = slot;
        }
    }

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired EnterpriseAccounts accounts;
    @Autowired RepresentativeChanges representativeChanges;
    @Autowired NameChanges nameChanges;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @EnumSource(Api.class)
    void bothFilenameAndFilenameStarStoreTheUtf8Name(Api api) throws Exception {
        String[] started = started(api);

        HttpResponse<String> answer = upload(api, started, "form-data; name=\"file\"; filename=\"licence.pdf\"; "
                + "filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7.pdf", 1, "en");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(documents(started[0])).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aBrokenFilenameStarGetsTheApiErrorAndStoresNothing(Api api) throws Exception {
        String[] started = started(api);

        HttpResponse<String> answer = upload(api, started, "form-data; name=\"file\"; filename=\"a.pdf\"; filename*=UTF-8''%E8%9.pdf", 1, "en");

        assertApiError(answer, 400);
        assertThat(documents(started[0])).isZero();
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aSmallFileWithALongChineseNameIsAccepted(Api api) throws Exception {
        String[] started = started(api);

        HttpResponse<String> answer = upload(api, started, disposition("营业执照".repeat(35) + ".pdf"), 1, null);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void anEnormousPartHeaderIsABadRequestNotTooLarge(Api api) throws Exception {
        String[] started = started(api);

        HttpResponse<String> answer = upload(api, started, disposition("a".repeat(20_000) + ".pdf"), 1, "en");

        assertApiError(answer, 400);
        JsonNode json = JSON.readTree(answer.body());
        assertThat(json.get("code").asText()).isEqualTo("intake.upload.headerTooLong");
        assertThat(json.get("message").asText()).doesNotContain("10 MB").contains("file name is too long");
        assertThat(documents(started[0])).isZero();
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void twoFilePartsAreRefusedInChineseAndNeitherIsStored(Api api) throws Exception {
        String[] started = started(api);

        HttpResponse<String> answer = upload(api, started, disposition("licence.pdf"), 2, null);

        assertApiError(answer, 400);
        assertThat(JSON.readTree(answer.body()).get("code").asText()).isEqualTo("intake.upload.oneFile");
        assertThat(JSON.readTree(answer.body()).get("message").asText()).containsPattern("\\p{IsHan}");
        assertThat(documents(started[0])).isZero();
    }

    /** A case started at the window for a fresh account: its number and access code. */
    private String[] started(Api api) {
        String uscc = TestCodes.uscc(LegalPersonType.ENTERPRISE);
        accounts.open(uscc, "示例有限公司", LegalPersonType.ENTERPRISE, "王五", "TEST", "test");
        if (api == Api.REPRESENTATIVE) {
            var started = representativeChanges.startAtWindow(ChangeRequest.byRepresentative(uscc, ChangeReason.REPRESENTATIVE_CHANGED,
                    null, "张三", IdType.RESIDENT_ID, ID_NUMBER, MOBILE), CLERK, Locale.SIMPLIFIED_CHINESE);
            return new String[] {started.number(), started.accessCode()};
        }
        var started = nameChanges.startAtWindow(new NameChangeRequest(uscc, "深圳市新名称有限公司", "张三", MOBILE, IdType.RESIDENT_ID,
                ID_NUMBER), CLERK, Locale.SIMPLIFIED_CHINESE);
        return new String[] {started.number(), started.accessCode()};
    }

    private static String disposition(String fileName) {
        return "form-data; name=\"file\"; filename=\"" + fileName + "\"";
    }

    private HttpResponse<String> upload(Api api, String[] started, String disposition, int parts, String language) throws Exception {
        String boundary = "----reviewdesk" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < parts; i++) {
            body.write(("--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\nContent-Type: application/pdf\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(TestDocuments.pdf("licence " + i));
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + api.base + "/" + started[0]
                        + "/documents/" + api.slot))
                .header("X-Access-Code", started[1])
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long documents(String number) {
        return jdbc.sql("select count(*) from document where case_ref = :number").param("number", number).query(Long.class).single();
    }

    private static void assertApiError(HttpResponse<String> answer, int status) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode json = JSON.readTree(answer.body());
        assertThat(json.get("code").asText()).isNotBlank();
        assertThat(json.get("message").asText()).isNotBlank().doesNotContain("Exception");
        assertThat(json.has("trace")).isFalse();
        assertThat(json.has("error")).isFalse();
    }
}
