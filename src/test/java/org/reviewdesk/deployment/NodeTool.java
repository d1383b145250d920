package org.reviewdesk.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Node.js command-line tool the tests run (a linter), installed from the npm registry into
 * {@code target/<folder>} on the first run at a pinned version, so the build needs only Node.js 18+
 * and npm (as Vaadin does) and every run uses the same version.
 */
public final class NodeTool {

    private final String packageSpec;
    private final Path home;
    private final Path cli;

    /**
     * @param packageSpec the pinned package, {@code bpmnlint@11.15.0}
     * @param folder      its folder under {@code target/}
     * @param command     the executable the package installs into {@code node_modules/.bin}
     */
    public NodeTool(String packageSpec, String folder, String command) {
        this.packageSpec = packageSpec;
        this.home = Path.of("target", folder);
        this.cli = home.resolve("node_modules/.bin").resolve(command);
    }

    /** Runs the tool with the arguments (installing it first if needed): its exit code and output, stdout and stderr. */
    public Result run(List<String> arguments) throws IOException, InterruptedException {
        if (!Files.isExecutable(cli)) {
            Files.createDirectories(home);
            Result install = exec(List.of("npm", "install", "--prefix", home.toString(), "--no-audit", "--no-fund",
                    "--loglevel=error", packageSpec));
            assertThat(install.exit()).as("npm install %s (Node.js 18+ and npm are needed):%n%s", packageSpec, install.output())
                    .isZero();
        }
        List<String> command = new ArrayList<>(List.of(cli.toString()));
        command.addAll(arguments);
        return exec(command);
    }

    private static Result exec(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // no telemetry and no update notices: a build talks to the registry only to install
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        builder.environment().put("NO_UPDATE_NOTIFIER", "1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException notFound) {
            throw new AssertionError(command.get(0) + " is not available: install Node.js 18+ and npm "
                    + "(Debian: apt-get install nodejs npm) to run the linters", notFound);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(command.get(0) + " did not finish: " + output);
        }
        return new Result(process.exitValue(), output);
    }

    /** What a run printed (stdout and stderr together) and its exit code. */
    public record Result(int exit, String output) {
    }
}
