package org.reviewdesk.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class RecipientsTest {

    @Test
    void aMobileNumberIsMaskedLikeEverywhereElse() {
        assertThat(Recipients.mask(Channel.SMS, "+86 138-1234-5678")).isEqualTo("138****5678");
    }

    @Test
    void aMailAddressKeepsItsFirstLetterAndDomain() {
        assertThat(Recipients.mask(Channel.MAIL, "zhang.san@example.com")).isEqualTo("z***@example.com");
        assertThat(Recipients.mask(Channel.MAIL, "张三@例子.中国")).isEqualTo("张***@例子.中国");
    }

    @Test
    void aMobileNumberIsStoredAsElevenDigits() {
        assertThat(Recipients.normalise(Channel.SMS, "+86 138 1234 5678")).isEqualTo("13812345678");
    }

    @Test
    void somethingThatIsNoMailAddressIsRefused() {
        assertThatThrownBy(() -> Recipients.normalise(Channel.MAIL, "zhang.san")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Recipients.normalise(Channel.MAIL, "a@b@c")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailureQuotingTheRecipientIsMaskedAndCut() {
        String scrubbed = Recipients.scrub("550 5.1.1 <zhang.san@example.com>: user unknown", Channel.MAIL, "zhang.san@example.com", 30);

        assertThat(scrubbed).doesNotContain("zhang.san").startsWith("550 5.1.1 <z***@example.com>").hasSize(30);
    }

    @Test
    void aNotificationNeverPrintsItsArgumentsOrFullRecipient() {
        Notification n = Notification.sms("13812345678", "RD-1", "registration.sms.accessCode", Locale.SIMPLIFIED_CHINESE, true, "SECRET1");

        assertThat(n.toString()).doesNotContain("SECRET1").doesNotContain("13812345678").contains("138****5678");
    }

    @Test
    void aMailNeedsASubjectAndAnSmsHasNone() {
        assertThatThrownBy(() -> new Notification(Channel.MAIL, "a@example.com", "RD-1", null, "k", null, null, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Notification(Channel.SMS, "13812345678", "RD-1", "s", "k", null, null, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
