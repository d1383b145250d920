package org.reviewdesk.namechange.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** One client address runs at most its limit of uploads at once; a finished upload gives its permit back. */
class LicenceUploadPermitsTest {

    @Test
    void anAddressPastItsLimitIsRefusedUntilAnUploadFinishes() {
        LicenceUploadPermits permits = new LicenceUploadPermits(2);
        LicenceUploadPermits.Permit first = permits.take("192.0.2.1");
        LicenceUploadPermits.Permit second = permits.take("192.0.2.1");

        assertThatThrownBy(() -> permits.take("192.0.2.1")).hasFieldOrPropertyWithValue("messageKey", "namechange.api.tooManyUploadsAtOnce");
        assertThat(permits.take("192.0.2.2")).as("another address has its own permits").isNotNull();

        first.close();
        assertThat(permits.running("192.0.2.1")).isEqualTo(1);
        permits.take("192.0.2.1").close();
        second.close();
        assertThat(permits.running("192.0.2.1")).isZero();
    }

    @Test
    void theTooManyRefusalIsATooManyRequestsAnswer() {
        assertThat(NameChangeApiAdvice.status("namechange.api.tooManyUploadsAtOnce").value()).isEqualTo(429);
        assertThat(NameChangeApiAdvice.status("namechange.access.locked").value()).isEqualTo(429);
    }
}
