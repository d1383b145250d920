package org.reviewdesk.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every BPMN model under {@code processes/} passes bpmnlint's recommended rules ({@code .bpmnlintrc}),
 * the checks Camunda Modeler shows. bpmnlint is installed from the npm registry into
 * {@code target/bpmnlint} on the first run (pinned version; Node.js 18+ and npm needed, as for Vaadin).
 */
class ProcessModelLintTest {

    private static final NodeTool BPMNLINT = new NodeTool("bpmnlint@11.15.0", "bpmnlint", "bpmnlint");

    @Test
    void everyModelPassesTheRecommendedRules() throws Exception {
        List<String> models;
        try (Stream<Path> files = Files.walk(Path.of("processes"))) {
            models = files.filter(f -> f.toString().endsWith(".bpmn")).map(Path::toString).sorted().toList();
        }
        assertThat(models).as("models under processes/").isNotEmpty();
        List<String> arguments = new ArrayList<>(List.of("--config", ".bpmnlintrc"));
        arguments.addAll(models);

        NodeTool.Result lint = BPMNLINT.run(arguments);

        assertThat(lint.exit()).as("bpmnlint found problems:%n%s", lint.output()).isZero();
        assertThat(lint.output()).as("warnings count too").doesNotContain("warning");
    }
}
