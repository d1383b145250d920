package org.reviewdesk.applicants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reviewdesk.rules.IdType;
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
    void anIdNumberNeedsItsTypeAndPassesTheIdRules() {
        List<RuleMessage> type = new ArrayList<>();
        List<RuleMessage> number = new ArrayList<>();
        LocalDate today = LocalDate.of(2026, 12, 4);
        assertThat(ApplicantFields.idNumber(null, "11010519491231002X", today, "x.required", type::add, number::add)).isEmpty();
        assertThat(ApplicantFields.idNumber(IdType.RESIDENT_ID, "110105194912310021", today, "x.required", type::add, number::add))
                .isEmpty();
        assertThat(type).extracting(RuleMessage::key).containsExactly("x.required");
        assertThat(number).hasSize(1);

        assertThat(ApplicantFields.idNumber(IdType.RESIDENT_ID, "11010519491231002X", today, "x.required", m -> { }, m -> { }))
                .hasValue("11010519491231002X");
    }

    @Test
    void aCaseLogTakesOnlyPlainTableNames() {
        assertThatThrownBy(() -> new CaseLog(org.mockito.Mockito.mock(org.springframework.jdbc.core.simple.JdbcClient.class),
                Clock.systemUTC(), "name_change_check; drop table x", "name_change_event", "change_id"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
