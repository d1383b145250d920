package org.reviewdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Issue 14 item 15: English reads as English: a count agrees with its noun ("1 page", "2 pages", no
 * "page(s)"), and lists and sentences use English punctuation, not 、，；：.
 */
class EnglishTextsTest {

    private static final Pattern CHINESE_PUNCTUATION = Pattern.compile("[、，；：。]");

    @Test
    void countsAgreeWithTheirNouns() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/applicant", "messages/review", "messages/registration", "messages/representative",
                "messages/platform", "messages/notifications", "messages/accounts");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        Locale en = Locale.ENGLISH;

        assertThat(messages.getMessage("applicant.review.document", new Object[] {"Licence", 1, 2}, en)).isEqualTo("Licence (1 page, version 2)");
        assertThat(messages.getMessage("applicant.review.document", new Object[] {"Licence", 3, 1}, en)).isEqualTo("Licence (3 pages, version 1)");
        assertThat(messages.getMessage("review.inbox.sla.left", new Object[] {1}, en)).isEqualTo("1 work day left");
        assertThat(messages.getMessage("review.inbox.sla.late", new Object[] {2}, en)).isEqualTo("2 work days late");
        assertThat(messages.getMessage("review.inbox.bulkClaimed", new Object[] {1L}, en)).isEqualTo("Claimed 1 task.");
        assertThat(messages.getMessage("registration.form.invalid", new Object[] {1}, en)).isEqualTo("Please correct the marked item and try again.");
        assertThat(messages.getMessage("representative.submit.missingDocuments", new Object[] {1L}, en)).isEqualTo("1 document is still missing.");
        assertThat(messages.getMessage("platform.login.throttled.message", new Object[] {1L}, en)).contains("about 1 minute,");
        assertThat(messages.getMessage("notifications.warning.failed", new Object[] {1L}, en)).startsWith("1 SMS or mail message could");
        assertThat(messages.getMessage("registration.access.denied", new Object[] {1, 15L}, en))
                .endsWith("One more try before a 15-minute wait.");
        assertThat(messages.getMessage("registration.access.denied", new Object[] {0, 15L}, en))
                .endsWith("That was the last try before a 15-minute wait.");
        assertThat(messages.getMessage("registration.access.denied", new Object[] {4, 15L}, Languages.CHINESE))
                .isEqualTo("申请编号或查询码不正确。还可再试4次，再错需等待15分钟。");
    }

    @Test
    void noEnglishTextSaysSOrUsesChinesePunctuation() throws IOException {
        for (Resource bundle : new PathMatchingResourcePatternResolver().getResources("classpath*:messages/*_en.properties")) {
            Properties texts = new Properties();
            try (InputStream in = bundle.getInputStream()) {
                texts.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
            texts.forEach((key, text) -> {
                String value = (String) text;
                assertThat(value).as("%s in %s", key, bundle.getFilename()).doesNotContain("(s)");
                // the import hint names the Chinese ID types as they must be typed
                if (!"accounts.import.refused.idTypeUnknown".equals(key)) {
                    assertThat(CHINESE_PUNCTUATION.matcher(value).find()).as("%s in %s: %s", key, bundle.getFilename(), value).isFalse();
                }
            });
        }
    }

    @Test
    void listsUseTheLanguagesPunctuation() {
        assertThat(Languages.list(Locale.ENGLISH, List.of("Reviewer", "Supervisor"))).isEqualTo("Reviewer, Supervisor");
        assertThat(Languages.list(Languages.CHINESE, List.of("审核员", "主管"))).isEqualTo("审核员、主管");
        assertThat(Languages.labelled(Locale.ENGLISH, "Business licence", "blurred")).isEqualTo("Business licence: blurred");
        assertThat(Languages.clauses(Languages.CHINESE, List.of("营业执照：模糊", "身份证：过期"))).isEqualTo("营业执照：模糊；身份证：过期");
    }
}
