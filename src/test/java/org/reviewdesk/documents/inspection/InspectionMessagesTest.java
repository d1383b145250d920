package org.reviewdesk.documents.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class InspectionMessagesTest {

    private final ResourceBundleMessageSource messages = messageSource();

    @Test
    void chineseAndEnglishBundlesHaveTheSameKeys() throws IOException {
        assertThat(load("messages/inspection_en.properties").keySet())
                .isEqualTo(load("messages/inspection.properties").keySet());
    }

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
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages/inspection");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                InspectionMessagesTest.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
