package org.reviewdesk.registration.api;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link RegistrationApiClient} for the tests of other packages (outages, backups): an applicant
 * through the public API over plain HTTP, answers as status and text.
 */
public final class RegistrationApiForOtherPackages {

    public static final String[] ENTERPRISE_SLOTS = RegistrationApiClient.ENTERPRISE_SLOTS;

    public record Reply(int status, String body) {
    }

    private final RegistrationApiClient client;

    public RegistrationApiForOtherPackages(int port, JdbcClient jdbc) {
        this.client = new RegistrationApiClient(port, jdbc);
    }

    /** A valid enterprise form with a credit code nobody used, without a mobile proof. */
    public static Map<String, Object> validForm() {
        return RegistrationApiClient.validForm();
    }

    public Reply requestMobileCode(String mobile) throws Exception {
        return reply(client.requestMobileCode(mobile, null));
    }

    public Reply create(Map<String, Object> formWithProof, String language) throws Exception {
        return reply(client.createAsIs(formWithProof, language, null));
    }

    public Reply upload(String number, String code, String slot, String language) throws Exception {
        RegistrationApiClient.Draft draft = new RegistrationApiClient.Draft(number, code);
        return reply(slot.equals(ENTERPRISE_SLOTS[0])
                ? client.upload(draft, slot, "营业执照.pdf", "application/pdf", RegistrationApiClient.pdf("licence"), language)
                : client.upload(draft, slot, slot + ".png", "image/png", RegistrationApiClient.image("png"), language));
    }

    public Reply submit(String number, String code, String language) throws Exception {
        return reply(client.submit(new RegistrationApiClient.Draft(number, code), "{\"declarationAccepted\": true}", language));
    }

    public Reply status(String number, String code, String language) throws Exception {
        return reply(client.status(new RegistrationApiClient.Draft(number, code), language));
    }

    public Reply get(String path, String language) throws Exception {
        return reply(client.get(path, language));
    }

    private static Reply reply(RegistrationApiClient.Answer answer) {
        return new Reply(answer.status(), answer.body());
    }
}
