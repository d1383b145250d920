package org.reviewdesk.documents.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.assertj.core.api.AbstractObjectAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A test with an inspector and a renderer on a worker of its own, and a folder for files. */
abstract class InspectorHarness {

    @TempDir
    Path dir;

    private InspectionWorker worker;

    @AfterEach
    void closeWorker() {
        if (worker != null) {
            worker.close();
        }
    }

    InspectionLimits limits() {
        return InspectionLimits.DEFAULTS;
    }

    InspectionWorker worker() {
        if (worker == null) {
            worker = new InspectionWorker(limits());
        }
        return worker;
    }

    FileInspector inspector() {
        return new FileInspector(limits(), worker());
    }

    PreviewRenderer renderer() {
        return new PreviewRenderer(limits(), worker());
    }

    Path file(String name, byte[] content) {
        return Fixtures.write(dir, name, content);
    }

    InspectionResult inspect(String name, byte[] content) {
        return inspector().inspect(file(name, content));
    }

    /** Asserts a refusal for {@code reason}, with its message key, and returns the result. */
    static InspectionResult assertRefused(InspectionResult result, RefusalReason reason) {
        assertThat(result.accepted()).as("accepted: %s", result).isFalse();
        assertThat(result.refusal().reason()).as("refusal of %s", result).isEqualTo(reason);
        assertThat(result.refusal().messageKey()).isEqualTo(reason.messageKey()).startsWith("inspection.refused.");
        assertThat(result.pageCount()).isZero();
        assertThat(result.text()).isEmpty();
        return result;
    }

    static AbstractObjectAssert<?, InspectionResult> assertAccepted(InspectionResult result) {
        assertThat(result.refusal()).as("refusal").isNull();
        assertThat(result.accepted()).isTrue();
        return assertThat(result);
    }
}
