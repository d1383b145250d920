package org.reviewdesk.registration.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The registration API's statuses by refusal: its own, and the shared ones ({@code ApiStatuses}) as the other APIs answer them. */
class RegistrationApiAdviceTest {

    @ParameterizedTest
    @CsvSource({
            "registration.access.denied, 401",
            "registration.access.locked, 429",
            "registration.draft.tooMany, 429",
            "registration.uscc.tooManyChecks, 429",
            "registration.notFound, 404",
            "intake.document.notFound, 404",
            "registration.idempotencyKey.inProgress, 409",
            "registration.idempotencyKey.used, 409",
            "registration.idempotencyKey.reused, 409",
            "registration.draft.alreadySubmitted, 409",
            "registration.upload.closed, 409",
            "registration.supplement.notAwaited, 409",
            "registration.receipt.notSubmitted, 409",
            "registration.submit.retry, 409",
            "receipt.fontMissing, 503",
            "registration.form.invalid, 422"})
    void answersEachRefusalWithItsStatus(String key, int status) {
        assertThat(RegistrationApiAdvice.status(key).value()).isEqualTo(status);
    }
}
