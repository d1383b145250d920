package org.reviewdesk.namechange.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The name-change API answers the shared upload limit ({@code applicants.UploadPermits}) and its own lock with 429. */
class NameChangeApiAdviceTest {

    @Test
    void tooManyUploadsAtOnceAndALockedAddressAreTooManyRequests() {
        assertThat(NameChangeApiAdvice.status("applicant.upload.tooManyAtOnce").value()).isEqualTo(429);
        assertThat(NameChangeApiAdvice.status("namechange.access.locked").value()).isEqualTo(429);
    }
}
