package org.reviewdesk.documents.inspection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inspection and first-page preview time for a 1-page and a 50-page PDF (pages with text and a few
 * shapes, made like the test fixtures), median of 5 after a warm-up, plus the first (cold) run.
 * Targets: inspection at most 300 ms and first preview at most 500 ms for 50 pages.
 *
 * <p>Not a test. Run it from the project folder:
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.reviewdesk.documents.inspection.InspectionBenchmark
 * </pre>
 */
public final class InspectionBenchmark {

    private static final int RUNS = 5;
    private static final int WARM_UP = 3;

    private InspectionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // outside Spring, logback would log PDFBox at DEBUG
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        Path dir = Files.createTempDirectory("inspection-benchmark");
        InspectionLimits limits = InspectionLimits.DEFAULTS;
        try (InspectionWorker worker = new InspectionWorker(limits)) {
            FileInspector inspector = new FileInspector(limits, worker);
            PreviewRenderer renderer = new PreviewRenderer(limits, worker);
            System.out.printf(Locale.ROOT, "%-8s %9s %11s %13s %13s %13s%n",
                    "pages", "bytes", "cold inspect", "inspect (ms)", "cold preview", "preview (ms)");
            for (int pages : new int[] {1, 50}) {
                Path file = Files.write(dir.resolve(pages + "-pages.pdf"), Fixtures.pdf(pages));
                long coldInspect = time(() -> check(inspector.inspect(file)));
                long coldPreview = time(() -> renderer.renderPage(file, 0));
                for (int i = 0; i < WARM_UP; i++) {
                    inspector.inspect(file);
                    renderer.renderPage(file, 0);
                }
                long[] inspect = new long[RUNS];
                long[] preview = new long[RUNS];
                for (int i = 0; i < RUNS; i++) {
                    inspect[i] = time(() -> check(inspector.inspect(file)));
                    preview[i] = time(() -> renderer.renderPage(file, 0));
                }
                System.out.printf(Locale.ROOT, "%-8d %9d %11.1f %13.1f %13.1f %13.1f%n", pages, Files.size(file),
                        coldInspect / 1e6, median(inspect) / 1e6, coldPreview / 1e6, median(preview) / 1e6);
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path path : files.toList()) {
                    Files.delete(path);
                }
            }
            Files.delete(dir);
        }
    }

    private static InspectionResult check(InspectionResult result) {
        if (!result.accepted()) {
            throw new IllegalStateException("Benchmark file refused: " + result);
        }
        return result;
    }

    private static long time(Supplier<?> work) {
        long started = System.nanoTime();
        work.get();
        return System.nanoTime() - started;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
