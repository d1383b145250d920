package org.reviewdesk.outage;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The application as its own JVM, as an operator runs it: its main class with the main classes and
 * the dependencies of the test's class path, never the test classes (their beans and process models
 * would join the application), its output in a log file.
 */
final class ApplicationProcess {

    private ApplicationProcess() {
    }

    /** Starts {@code ReviewDeskApplication} on loopback at {@code port} with {@code arguments} (Spring properties as --name=value). */
    static Process start(int port, Path log, String... arguments) throws IOException {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-cp", classPath, "org.reviewdesk.ReviewDeskApplication",
                "--server.port=" + port, "--server.address=127.0.0.1", "--reviewdesk.demo-data=false",
                "--vaadin.devmode.devTools.enabled=false"));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
