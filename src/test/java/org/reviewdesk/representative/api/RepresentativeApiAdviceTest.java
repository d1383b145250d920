package org.reviewdesk.representative.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The representative API's statuses by refusal: its own, and the shared ones ({@code ApiStatuses}) as the other APIs answer them. */
class RepresentativeApiAdviceTest {

    @ParameterizedTest
    @CsvSource({
            "representative.access.denied, 401",
            "representative.access.locked, 429",
            "representative.notFound, 404",
            "representative.start.noActiveAccount, 404",
            "intake.document.notFound, 404",
            "representative.start.alreadyOpen, 409",
            "representative.submit.alreadySubmitted, 409",
            "representative.supplement.notAwaited, 409",
            "representative.receipt.notYet, 409",
            "receipt.fontMissing, 503",
            "representative.form.invalid, 422"})
    void answersEachRefusalWithItsStatus(String key, int status) {
        assertThat(RepresentativeApiAdvice.status(key).value()).isEqualTo(status);
    }
}
