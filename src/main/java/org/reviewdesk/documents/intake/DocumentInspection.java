package org.reviewdesk.documents.intake;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.reviewdesk.documents.inspection.InspectionResult;

/**
 * Inspects a received file (a local temporary copy). The intake's view of
 * {@code documents.inspection}: when that package's inspector is a bean, an adapter implementing
 * this interface connects it; without any implementation every upload is refused with
 * {@code intake.inspection.unavailable} (never accepted uninspected).
 */
public interface DocumentInspection {

    /**
     * Starts inspecting {@code file} and returns at once; the file must stay until the future has
     * completed. The future completes with the result (a refusal is a result, not an exception), or
     * exceptionally when the file could not be inspected at all. No thread waits for it: the
     * inspection's own worker completes it.
     */
    CompletableFuture<InspectionResult> inspectAsync(Path file);
}
