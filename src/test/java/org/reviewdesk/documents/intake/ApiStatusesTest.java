package org.reviewdesk.documents.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;

/** The statuses the JSON APIs share, and the rule that an API cannot give a shared refusal a status of its own. */
class ApiStatusesTest {

    @ParameterizedTest
    @CsvSource({
            "registration.mobileProof.tooMany, 429",
            "applicant.upload.tooManyAtOnce, 429",
            "intake.document.notFound, 404",
            "intake.preview.notFound, 404",
            "documents.store.missing, 404",
            "intake.upload.oneFile, 400",
            "documents.store.unavailable, 503",
            "intake.inspection.unavailable, 503",
            "inspection.refused.busy, 503",
            "receipt.fontMissing, 503",
            "inspection.refused.tooLarge, 413",
            "intake.upload.notSaved, 500",
            "intake.upload.wrongType, 422"})
    void everyApiAnswersASharedRefusalAlike(String key, int status) {
        ApiStatuses own = ApiStatuses.with(Map.of(HttpStatus.CONFLICT, Set.of("some.api.conflict")));
        assertThat(ApiStatuses.shared().of(key).value()).isEqualTo(status);
        assertThat(own.of(key).value()).isEqualTo(status);
    }

    @Test
    void anApiAddsItsOwnKeys() {
        ApiStatuses own = ApiStatuses.with(Map.of(HttpStatus.CONFLICT, Set.of("some.api.conflict")));
        assertThat(own.of("some.api.conflict")).isEqualTo(HttpStatus.CONFLICT);
        assertThat(ApiStatuses.shared().of("some.api.conflict")).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @Test
    void anApiCannotGiveASharedRefusalAnotherStatus() {
        assertThatThrownBy(() -> ApiStatuses.with(Map.of(HttpStatus.UNPROCESSABLE_ENTITY, Set.of("receipt.fontMissing"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("receipt.fontMissing");
    }

    @Test
    void anApiCannotListAKeyUnderTwoStatuses() {
        assertThatThrownBy(() -> ApiStatuses.with(Map.of(HttpStatus.CONFLICT, Set.of("some.api.key"),
                HttpStatus.NOT_FOUND, Set.of("some.api.key"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("some.api.key");
    }
}
