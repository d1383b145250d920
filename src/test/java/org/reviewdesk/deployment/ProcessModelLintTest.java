package org.reviewdesk.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every BPMN model under {@code processes/} passes bpmnlint's recommended rules ({@code .bpmnlintrc}),
 * the checks Camunda Modeler shows. bpmnlint is installed from the npm registry into
 * {@code target/bpmnlint} on the first run (pinned version; Node.js 18+ and npm needed, as for Vaadin).
 */
class ProcessModelLintTest {

    static final String BPMNLINT = "bpmnlint@11.15.0";
    static final Path HOME = Path.of("target", "bpmnlint");

    @Test
    void everyModelPassesTheRecommendedRules() throws Exception {
        List<String> models;
        try (Stream<Path> files = Files.walk(Path.of("processes"))) {
            models = files.filter(f -> f.toString().endsWith(".bpmn")).map(Path::toString).sorted().toList();
        }
        assertThat(models).as("models under processes/").isNotEmpty();
        Path cli = HOME.resolve("node_modules/.bin/bpmnlint");
        if (!Files.isExecutable(cli)) {
            Files.createDirectories(HOME);
            Result install = run(List.of("npm", "install", "--prefix", HOME.toString(), "--no-audit", "--no-fund",
                    "--loglevel=error", BPMNLINT));
            assertThat(install.exit()).as("npm install %s (Node.js 18+ and npm are needed):%n%s", BPMNLINT, install.output())
                    .isZero();
        }
        List<String> command = new ArrayList<>(List.of(cli.toString(), "--config", ".bpmnlintrc"));
        command.addAll(models);

        Result lint = run(command);

        assertThat(lint.exit()).as("bpmnlint found problems:%n%s", lint.output()).isZero();
        assertThat(lint.output()).as("warnings count too").doesNotContain("warning");
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException notFound) {
            throw new AssertionError(command.get(0) + " is not available: install Node.js 18+ and npm "
                    + "(Debian: apt-get install nodejs npm) to lint the process models", notFound);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(command.get(0) + " did not finish: " + output);
        }
        return new Result(process.exitValue(), output);
    }

    private record Result(int exit, String output) {
    }
}
