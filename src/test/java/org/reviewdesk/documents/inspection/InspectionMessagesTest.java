package org.reviewdesk.documents.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.reviewdesk.TestMessages;
import org.springframework.context.support.ResourceBundleMessageSource;

class InspectionMessagesTest {

    private final ResourceBundleMessageSource messages = messageSource();

    @Test
    void everyRefusalAndFlagHasATextInBothLanguages() {
        List<String> keys = new ArrayList<>();
        Arrays.stream(RefusalReason.values()).map(RefusalReason::messageKey).forEach(keys::add);
        Arrays.stream(InspectionFlag.values()).map(InspectionFlag::messageKey).forEach(keys::add);
        for (String key : keys) {
            assertThat(key).startsWith("inspection.");
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                assertThat(messages.getMessage(key, new Object[] {"1", "2", "3"}, null, locale))
                        .as(key + " in " + locale).isNotBlank().doesNotContain("{");
            }
        }
    }

    @Test
    void imageTooLargeNamesTheSizeAndTheLimit() {
        Refusal refusal = Refusal.of(RefusalReason.IMAGE_TOO_LARGE, 14000, 14000, "40");

        assertThat(messages.getMessage(refusal.messageKey(), refusal.argumentArray(), Locale.SIMPLIFIED_CHINESE))
                .contains("14000×14000", "40");
        assertThat(messages.getMessage(refusal.messageKey(), refusal.argumentArray(), Locale.ENGLISH))
                .contains("14000 x 14000", "40 megapixels");
    }

    private static ResourceBundleMessageSource messageSource() {
        return TestMessages.source("messages/inspection");
    }

}
