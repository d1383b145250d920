package org.reviewdesk.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NotificationPropertiesTest {

    private static NotificationProperties withRetries(Duration base, Duration max) {
        return new NotificationProperties(true, Duration.ofSeconds(5), Duration.ofMinutes(5), 8, base, max,
                new NotificationProperties.Sms(NotificationProperties.SmsSenderType.LOG,
                        new NotificationProperties.Http("", "", Duration.ofSeconds(5), Duration.ofSeconds(10))),
                new NotificationProperties.Mail("noreply@example.gov.cn"));
    }

    @Test
    void theWaitDoublesAfterEachFailureUpToTheMaximum() {
        NotificationProperties properties = withRetries(Duration.ofSeconds(30), Duration.ofMinutes(5));

        assertThat(properties.retryDelay(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.retryDelay(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.retryDelay(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(properties.retryDelay(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.retryDelay(200)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aLeaseShorterThanTheGatewayMayTakeIsRefused() {
        assertThatThrownBy(() -> new NotificationProperties(true, Duration.ofSeconds(5), Duration.ofSeconds(10), 8,
                Duration.ofSeconds(30), Duration.ofMinutes(30),
                new NotificationProperties.Sms(NotificationProperties.SmsSenderType.HTTP,
                        new NotificationProperties.Http("http://gateway", "", Duration.ofSeconds(5), Duration.ofSeconds(10))),
                new NotificationProperties.Mail("noreply@example.gov.cn")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lease");
    }
}
