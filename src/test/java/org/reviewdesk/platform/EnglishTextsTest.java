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

    private static final Pattern CHINESE_PUNCTUATION = Pattern.compile("[、，；：。（）！？《》【】「」]");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    /**
     * English texts that name Chinese words on purpose: what the import file and the knowledge base must
     * be typed in, and the kinds of legal person as the credit code's rules call them.
     */
    private static final Pattern CHINESE_ON_PURPOSE = Pattern.compile("accounts\\.import\\.refused\\.(typeUnknown|idTypeUnknown)"
            + "|hotline\\.kb\\.(searchPlaceholder|searchHelp)|namechange\\.start\\.reRegister|registration\\.uscc\\.typeMismatch\\..*");

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
    void walkthroughCountsAgreeWithTheirNounsToo() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/registration", "messages/representative", "messages/staff", "messages/rules", "messages/operations");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        Locale en = Locale.ENGLISH;

        // a check's arguments come back from the stored results as text: wording that fits any count, no choice format
        assertThat(messages.getMessage("registration.check.documents.passed", new Object[] {"1"}, en)).isEqualTo("Every document is present and inspected (1 in all).");
        assertThat(messages.getMessage("registration.check.documents.flagged", new Object[] {"1", "3"}, en)).startsWith("Documents that need the reviewer's attention: 1 of 3");
        assertThat(messages.getMessage("representative.check.documents.flagged", new Object[] {"2", "3"}, en)).isEqualTo("Documents that need attention: 2 of 3.");
        assertThat(messages.getMessage("staff.admin.usersSummary", new Object[] {7, 0L}, en)).isEqualTo("7 staff users, none of them disabled.");
        assertThat(messages.getMessage("staff.admin.usersSummary", new Object[] {1, 1L}, en)).isEqualTo("1 staff user, 1 of them disabled.");
        assertThat(messages.getMessage("registration.warning.idScansOverdue", new Object[] {1L}, en)).startsWith("The ID scans of 1 decided application are past");
        assertThat(messages.getMessage("registration.warning.idScansOverdue", new Object[] {1200L}, en)).startsWith("ID scans of 1,200 decided applications are past");
        assertThat(messages.getMessage("registration.warning.idScansOverdue", new Object[] {1200L}, Languages.CHINESE)).startsWith("1200 件");
        assertThat(messages.getMessage("rules.calendar.warning.dataEndsSoon", new Object[] {"2026", "1", "2027"}, en)).contains("(days left: 1)");
        assertThat(messages.getMessage("operations.warning.incidents", new Object[] {1L}, en)).startsWith("1 process incident needs attention");
    }

    @Test
    void chineseWordsAppearInEnglishTextsOnlyWhereTheyAreNamedOnPurpose() throws IOException {
        englishTexts().forEach((where, text) -> assertThat(HAN.matcher(text).find() && !CHINESE_ON_PURPOSE.matcher(where.split(" ")[0]).matches())
                .as("%s has Chinese words: %s", where, text).isFalse());
    }

    /** Every English text, by "key in file". */
    private static java.util.Map<String, String> englishTexts() throws IOException {
        java.util.Map<String, String> all = new java.util.TreeMap<>();
        for (Resource bundle : new PathMatchingResourcePatternResolver().getResources("classpath*:messages/*_en.properties")) {
            Properties texts = new Properties();
            try (InputStream in = bundle.getInputStream()) {
                texts.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
            texts.forEach((key, text) -> all.put(key + " in " + bundle.getFilename(), (String) text));
        }
        return all;
    }

    @Test
    void theRulesCatchTheMistakesTheyAreFor() {
        assertThat(CHINESE_PUNCTUATION.matcher("Reviewer、Supervisor").find()).isTrue();
        assertThat(CHINESE_PUNCTUATION.matcher("Resident permit（2023 edition）").find()).isTrue();
        assertThat(CHINESE_PUNCTUATION.matcher("Filter \u201cmine\u201d saved.").find()).as("curly quotes are English too").isFalse();
        assertThat(HAN.matcher("Upload: 营业执照").find()).isTrue();
        assertThat(CHINESE_ON_PURPOSE.matcher("registration.documents.missing.business-licence").matches()).isFalse();
    }

    @Test
    void noEnglishTextSaysSOrUsesChinesePunctuation() throws IOException {
        englishTexts().forEach((where, value) -> {
            assertThat(value).as(where).doesNotContain("(s)");
            // the import hint names the Chinese ID types as they must be typed
            if (!where.startsWith("accounts.import.refused.idTypeUnknown ")) {
                assertThat(CHINESE_PUNCTUATION.matcher(value).find()).as("%s: %s", where, value).isFalse();
            }
        });
    }

    @Test
    void listsUseTheLanguagesPunctuation() {
        assertThat(Languages.list(Locale.ENGLISH, List.of("Reviewer", "Supervisor"))).isEqualTo("Reviewer, Supervisor");
        assertThat(Languages.list(Languages.CHINESE, List.of("审核员", "主管"))).isEqualTo("审核员、主管");
        assertThat(Languages.labelled(Locale.ENGLISH, "Business licence", "blurred")).isEqualTo("Business licence: blurred");
        assertThat(Languages.clauses(Languages.CHINESE, List.of("营业执照：模糊", "身份证：过期"))).isEqualTo("营业执照：模糊；身份证：过期");
    }
}
