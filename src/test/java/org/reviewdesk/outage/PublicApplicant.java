package org.reviewdesk.outage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.reviewdesk.registration.api.RegistrationApiForOtherPackages;
import org.reviewdesk.registration.api.RegistrationApiForOtherPackages.Reply;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An applicant of the outage and backup tests through the public registration API, the mobile
 * proven with the code the test's SMS gateway received: drafts, documents, submissions.
 */
final class PublicApplicant {

    static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final Pattern SIX_DIGITS = Pattern.compile("(?<!\\d)\\d{6}(?!\\d)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistrationApiForOtherPackages api;
    private final SmsGatewayStub sms;

    PublicApplicant(int port, JdbcClient jdbc, SmsGatewayStub sms) {
        this.api = new RegistrationApiForOtherPackages(port, jdbc);
        this.sms = sms;
    }

    RegistrationApiForOtherPackages api() {
        return api;
    }

    /** A draft of a valid form: number and access code. */
    String[] draft() throws Exception {
        Map<String, Object> form = RegistrationApiForOtherPackages.validForm();
        String mobile = (String) form.get("contactMobile");
        int seen = sms.received().size();
        Reply sent = api.requestMobileCode(mobile);
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String code = Awaitility.await("the proving SMS").atMost(PATIENCE).until(() -> sms.received().stream().skip(seen)
                        .filter(body -> body.contains(mobile) && body.contains("验证码")).reduce((a, b) -> b), Optional::isPresent)
                .map(PublicApplicant::sixDigits).orElseThrow();
        form.put("mobileProofId", JSON.readTree(sent.body()).get("proofId").asText());
        form.put("mobileCode", code);
        Reply created = api.create(form, null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode json = JSON.readTree(created.body());
        return new String[] {json.get("applicationNumber").asText(), json.get("accessCode").asText()};
    }

    void uploadAll(String[] draft) throws Exception {
        for (String slot : RegistrationApiForOtherPackages.ENTERPRISE_SLOTS) {
            Reply uploaded = api.upload(draft[0], draft[1], slot, null);
            assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        }
    }

    /** A draft with its documents, submitted. */
    String[] submitted() throws Exception {
        String[] draft = draft();
        uploadAll(draft);
        Reply submitted = api.submit(draft[0], draft[1], null);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        return draft;
    }

    /** The application's state code as the status API shows it, or null when it does not answer 200. */
    String state(String[] application) throws Exception {
        Reply status = api.status(application[0], application[1], "en");
        return status.status() == 200 ? JSON.readTree(status.body()).at("/state/code").asText() : null;
    }

    void awaitState(String[] application, String state) {
        Awaitility.await(application[0] + " " + state).atMost(PATIENCE).until(() -> state.equals(state(application)));
    }

    private static String sixDigits(String body) {
        try {
            Matcher matcher = SIX_DIGITS.matcher(JSON.readTree(body).get("text").asText());
            assertThat(matcher.find()).as(body).isTrue();
            return matcher.group();
        } catch (IOException e) {
            throw new AssertionError(body, e);
        }
    }
}
