package org.reviewdesk.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Issue 14 item 8: every named element of every model under {@code processes/} has its name in the
 * bundles in both languages ({@code step.<processKey>.<activityId>}, read by {@code review.StepNames}),
 * and the model itself keeps one name, the Chinese one, which the Chinese bundle repeats.
 */
class StepNamesCoverageTest {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    @Test
    void everyStepOfEveryModelIsNamedInBothLanguagesAndTheModelKeepsOneName() throws Exception {
        Properties zh = bundles("");
        Properties en = bundles("_en");
        List<String> problems = new ArrayList<>();
        int steps = 0;
        for (Path model : models()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            NodeList processes = factory.newDocumentBuilder().parse(model.toFile()).getElementsByTagNameNS(BPMN, "process");
            for (int p = 0; p < processes.getLength(); p++) {
                Element process = (Element) processes.item(p);
                NodeList elements = process.getElementsByTagNameNS(BPMN, "*");
                for (int i = 0; i < elements.getLength(); i++) {
                    Element element = (Element) elements.item(i);
                    if (!element.hasAttribute("id") || !element.hasAttribute("name")) {
                        continue;
                    }
                    steps++;
                    String key = "step." + process.getAttribute("id") + "." + element.getAttribute("id");
                    String name = element.getAttribute("name");
                    if (name.matches(".*[A-Za-z].*")) {
                        problems.add(model + ": " + element.getAttribute("id") + " has a bilingual or English name '" + name + "'");
                    }
                    if (!name.equals(zh.getProperty(key))) {
                        problems.add(key + " in the Chinese bundles is '" + zh.getProperty(key) + "', the model says '" + name + "'");
                    }
                    String english = en.getProperty(key);
                    if (english == null || english.isBlank() || english.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                        problems.add(key + " has no English name (" + english + ")");
                    }
                }
            }
        }
        assertThat(steps).as("named steps found").isGreaterThan(50);
        assertThat(problems).isEmpty();
    }

    private static List<Path> models() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("processes"))) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    private static Properties bundles(String suffix) throws IOException {
        Properties all = new Properties();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/messages"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("[a-z]+" + suffix + "\\.properties")).toList()) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    all.load(reader);
                }
            }
        }
        return all;
    }
}
