package org.reviewdesk.registration.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reviewdesk.ApplicationTest;
import org.reviewdesk.registration.api.RegistrationApiClient.Answer;
import org.reviewdesk.registration.api.RegistrationApiClient.Rows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Item 9 of issue 11 over HTTP: a draft needs the SMS code sent to its contact mobile. */
@ApplicationTest
class RegistrationApiMobileProofTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void aCodeIsSentBySmsAndItsIdAnswered() throws Exception {
        RegistrationApiClient api = new RegistrationApiClient(port, jdbc);

        Answer sent = api.requestMobileCode("+86 138-1234-5678", "en");

        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.json().get("proofId").asText()).isNotBlank();
        assertThat(sent.json().get("mobile").asText()).isEqualTo("138****5678");
        assertThat(sent.json().get("message").asText()).isEqualTo("A code was sent to 138****5678; it is valid for 10 minutes.");
        assertThat(sent.body()).doesNotContainPattern("\\b\\d{6}\\b");
        assertThat(jdbc.sql("""
                        select sensitive from outbox_message where recipient = '13812345678'
                           and message_key = 'registration.notice.mobileProof.sms' order by id desc""")
                .query(Boolean.class).list().get(0)).as("its text is erased once sent").isTrue();
    }

    @Test
    void aDraftWithoutTheCodeIsRefusedAtTheCodesFieldInTheCallersLanguage() throws Exception {
        RegistrationApiClient api = new RegistrationApiClient(port, jdbc);
        Rows before = Rows.in(jdbc);

        Answer answer = api.createAsIs(RegistrationApiClient.validForm(), "en", null);

        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        JsonNode field = answer.json().get("fields").get(0);
        assertThat(field.get("field").asText()).isEqualTo("mobileCode");
        assertThat(field.get("code").asText()).isEqualTo("registration.mobileProof.required");
        assertThat(field.get("message").asText()).startsWith("Click \"Send code\"");
        assertThat(Rows.in(jdbc)).isEqualTo(before);
    }

    @Test
    void aWrongCodeIsRefused() throws Exception {
        RegistrationApiClient api = new RegistrationApiClient(port, jdbc);
        Map<String, Object> form = api.proven(RegistrationApiClient.validForm());
        form.put("mobileCode", "000000".equals(form.get("mobileCode")) ? "111111" : "000000");

        Answer answer = api.createAsIs(form, null, null);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("fields").get(0).get("code").asText()).isEqualTo("registration.mobileProof.wrongCode");
        assertThat(answer.json().get("fields").get(0).get("message").asText()).isEqualTo("验证码不正确，请核对短信中的6位数字。");
    }

    @Test
    void aCodeForSomethingThatIsNoMobileIsRefusedAtTheMobile() throws Exception {
        Answer answer = new RegistrationApiClient(port, jdbc).requestMobileCode("12345", null);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("fields").get(0).get("field").asText()).isEqualTo("contactMobile");
    }
}
