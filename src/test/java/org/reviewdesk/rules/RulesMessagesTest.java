package org.reviewdesk.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.reviewdesk.TestMessages;
import org.springframework.context.support.ResourceBundleMessageSource;

class RulesMessagesTest {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final ResourceBundleMessageSource messages = messageSource();

    @Test
    void everyKeyTheCodeNamesHasATextInBothLanguages() {
        for (String key : keysNamedByTheCode()) {
            for (Locale locale : List.of(CHINESE, Locale.ENGLISH)) {
                assertThat(messages.getMessage(key, new Object[] {"1", "2", "3"}, null, locale))
                        .as(key + " in " + locale).isNotBlank().doesNotContain("{");
            }
        }
    }

    @Test
    void wrongLengthTellsTheApplicantHowManyCharactersTheyTyped() {
        RuleMessage message = ((UsccCheck.Refused) UsccValidator.check("91110108551385082")).message();

        assertThat(messages.getMessage(message.key(), message.argumentArray(), CHINESE))
                .startsWith("统一社会信用代码应为18位，您输入了17位");
        assertThat(messages.getMessage(message.key(), message.argumentArray(), Locale.ENGLISH))
                .startsWith("A unified social credit code has 18 characters; you entered 17.");
    }

    @Test
    void lowerCaseXMessageAsksForACapital() {
        RuleMessage message = ((IdNumberCheck.Refused) IdNumberValidator.check(IdType.RESIDENT_ID, "11010519491231002x", java.time.LocalDate.of(2026, 12, 4))).message();

        assertThat(messages.getMessage(message.key(), message.argumentArray(), CHINESE)).contains("大写");
        assertThat(messages.getMessage(message.key(), message.argumentArray(), Locale.ENGLISH)).contains("capital X");
    }

    private static List<String> keysNamedByTheCode() {
        List<String> keys = new ArrayList<>();
        Arrays.stream(UsccRefusalReason.values()).map(UsccRefusalReason::messageKey).forEach(keys::add);
        Arrays.stream(MobileRefusalReason.values()).map(MobileRefusalReason::messageKey).forEach(keys::add);
        Arrays.stream(IdRefusalReason.values()).filter(r -> r != IdRefusalReason.WRONG_PREFIX_FOR_TYPE)
                .map(IdRefusalReason::messageKey).forEach(keys::add);
        Arrays.stream(IdType.values()).map(t -> IdRefusalReason.WRONG_PREFIX_FOR_TYPE.messageKey() + "." + t.name()).forEach(keys::add);
        Arrays.stream(IdType.values()).map(IdType::messageKey).forEach(keys::add);
        Arrays.stream(LegalPersonType.values()).map(LegalPersonType::messageKey).forEach(keys::add);
        UsccCheck.Accepted mismatch = (UsccCheck.Accepted) UsccValidator.check("914403001922038217");
        keys.add(mismatch.confirmationRequest().orElseThrow().key());
        keys.add(mismatch.confirmationLabel().key());
        keys.add(mismatch.reviewerFlag().orElseThrow().key());
        keys.addAll(List.of("rules.calendar.warning.dataEndsSoon", "rules.calendar.warning.dataEnded",
                "rules.calendar.warning.datesBeyondData"));
        return keys;
    }

    private static ResourceBundleMessageSource messageSource() {
        return TestMessages.source("messages/rules");
    }

}
