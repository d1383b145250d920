package org.reviewdesk.documents.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class IntakeMessagesTest {

    static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = IntakeMessagesTest.class.getResourceAsStream("/messages/" + name + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyKeyTheCodeUsesIsInTheBundle() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern key = Pattern.compile("\"(intake\\.[A-Za-z.]+)\"");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/org/reviewdesk/documents/intake"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = key.matcher(Files.readString(source));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(bundle("intake").stringPropertyNames()).containsAll(used);
    }

    @Test
    void everyPreviewStateHasAText() throws IOException {
        for (PreviewState state : PreviewState.values()) {
            assertThat(bundle("intake").getProperty("intake.preview.state." + state)).isNotBlank();
        }
    }
}
