package org.reviewdesk.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.reviewdesk.TestMessages;
import org.springframework.context.support.ResourceBundleMessageSource;

class DocumentsMessagesTest {

    private static final List<String> KEYS = List.of(
            DocumentStoreException.UNAVAILABLE, DocumentStoreException.MISSING, DocumentStoreException.UPLOAD_INTERRUPTED);

    private final ResourceBundleMessageSource messages = messageSource();

    @Test
    void everyStoreMessageKeyHasAChineseAndAnEnglishText() {
        for (String key : KEYS) {
            String chinese = messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
            String english = messages.getMessage(key, null, Locale.ENGLISH);
            assertThat(chinese).as(key).isNotBlank().isNotEqualTo(english);
            assertThat(english).as(key).isNotBlank();
        }
    }

    @Test
    void anUnavailableStoreAsksToTryAgainLater() {
        assertThat(messages.getMessage(DocumentStoreException.UNAVAILABLE, null, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("文件存储暂时不可用，请稍后再试");
        assertThat(messages.getMessage(DocumentStoreException.UNAVAILABLE, null, Locale.ENGLISH))
                .isEqualTo("The document store is unavailable, please try again later");
    }

    private static ResourceBundleMessageSource messageSource() {
        return TestMessages.source("messages/documents");
    }
}
