package org.reviewdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every capability's bundle, both languages: the same keys, texts that MessageFormat can read,
 * and every bundle registered in spring.messages.basename (an unregistered one would show "!key").
 */
class MessageBundlesTest {

    private static final Path MESSAGES = Path.of("src/main/resources/messages");

    @Test
    void everyBundleHasTheSameKeysInChineseAndEnglish() throws IOException {
        for (String bundle : bundles()) {
            Properties chinese = load(bundle + ".properties");
            Properties english = load(bundle + "_en.properties");
            assertThat(english.keySet()).as(bundle + "_en vs " + bundle).isEqualTo(chinese.keySet());
        }
    }

    @Test
    void everyTextIsAValidMessageFormatAndKeysStartWithTheBundleName() throws IOException {
        for (String bundle : bundles()) {
            for (String file : List.of(bundle + ".properties", bundle + "_en.properties")) {
                Properties texts = load(file);
                for (String key : texts.stringPropertyNames()) {
                    // a process's step names live in its own bundle under step.<processKey>.<activityId> (review.StepNames)
                    assertThat(key).as(file).matches(java.util.regex.Pattern.quote(bundle + ".") + ".+|step\\.[A-Za-z0-9]+\\..+");
                    String text = texts.getProperty(key);
                    assertThat(text).as(file + " " + key).isNotBlank();
                    new MessageFormat(text); // throws on a broken pattern, e.g. an unpaired quote or brace
                }
            }
        }
    }

    @Test
    void theChineseBundlesAreWrittenInChinese() throws IOException {
        for (String bundle : bundles()) {
            long withHan = load(bundle + ".properties").values().stream()
                    .map(Object::toString).filter(t -> t.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                    .count();
            assertThat(withHan).as(bundle + ": Chinese texts").isPositive();
        }
    }

    @Test
    void everyBundleIsRegisteredWithSpring() throws IOException {
        String yaml = Files.readString(Path.of("src/main/resources/application.yml"));
        Matcher basename = Pattern.compile("basename: (\\S+)").matcher(yaml);
        assertThat(basename.find()).isTrue();
        List<String> registered = Stream.of(basename.group(1).split(",")).map(b -> b.replace("messages/", "")).toList();
        assertThat(registered).containsExactlyInAnyOrderElementsOf(bundles());
    }

    private static List<String> bundles() throws IOException {
        try (Stream<Path> files = Files.list(MESSAGES)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".properties") && !n.contains("_"))
                    .map(n -> n.substring(0, n.length() - ".properties".length()))
                    .sorted().toList();
        }
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(Files.newInputStream(MESSAGES.resolve(file)), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
