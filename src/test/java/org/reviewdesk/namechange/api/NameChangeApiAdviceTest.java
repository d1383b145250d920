package org.reviewdesk.namechange.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The name-change API's statuses by refusal: its own, and the shared ones ({@code ApiStatuses}) as the other APIs answer them. */
class NameChangeApiAdviceTest {

    @ParameterizedTest
    @CsvSource({
            "namechange.access.denied, 401",
            "namechange.access.locked, 429",
            "namechange.notFound, 404",
            "namechange.start.noActiveAccount, 404",
            "intake.document.notFound, 404",
            "namechange.start.alreadyOpen, 409",
            "namechange.submit.alreadySubmitted, 409",
            "namechange.submit.withdrawn, 409",
            "namechange.upload.notNow, 409",
            "namechange.supply.notAwaited, 409",
            "namechange.receipt.notYet, 409",
            "receipt.fontMissing, 503",
            "namechange.form.invalid, 422"})
    void answersEachRefusalWithItsStatus(String key, int status) {
        assertThat(NameChangeApiAdvice.status(key).value()).isEqualTo(status);
    }
}
