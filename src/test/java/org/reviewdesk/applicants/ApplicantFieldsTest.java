package org.reviewdesk.applicants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reviewdesk.rules.RuleMessage;

/** The shared field rules hand each broken rule's message to the caller and answer normalised values. */
class ApplicantFieldsTest {

    @Test
    void brokenFieldsGiveTheirRulesMessagesAndGoodOnesTheirNormalisedValue() {
        List<RuleMessage> refused = new ArrayList<>();
        assertThat(ApplicantFields.uscc("91440300", refused::add)).isEmpty();
        assertThat(ApplicantFields.mobile("02812345678", refused::add)).isEmpty();
        assertThat(ApplicantFields.text("  ", 10, "x.required", refused::add)).isEmpty();
        assertThat(ApplicantFields.text("名".repeat(11), 10, "x.required", refused::add)).isEmpty();
        assertThat(refused).extracting(RuleMessage::key)
                .containsExactly("rules.uscc.wrongLength", "rules.mobile.notAMobileNumber", "x.required", "x.required");

        assertThat(ApplicantFields.uscc(" 914403001922038216 ", m -> { })).hasValue("914403001922038216");
        assertThat(ApplicantFields.mobile("13812345678", m -> { })).hasValue("13812345678");
        assertThat(ApplicantFields.text(" 张三 ", 10, "x.required", m -> { })).hasValue("张三");
        assertThat(ApplicantFields.sameName("Example  Co", "example co")).isTrue();
        assertThat(ApplicantFields.sameName(null, "x")).isFalse();
    }

    @Test
    void aCaseLogTakesOnlyPlainTableNames() {
        assertThatThrownBy(() -> new CaseLog(org.mockito.Mockito.mock(org.springframework.jdbc.core.simple.JdbcClient.class),
                Clock.systemUTC(), "name_change_check; drop table x", "name_change_event", "change_id"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
