package org.reviewdesk.documents.intake;

import java.nio.file.Path;
import org.reviewdesk.documents.inspection.InspectionResult;

/**
 * Inspects a received file (a local temporary copy). The intake's view of
 * {@code documents.inspection}: when that package's inspector is a bean, an adapter implementing
 * this interface connects it; without any implementation every upload is refused with
 * {@code intake.inspection.unavailable} (never accepted uninspected).
 */
public interface DocumentInspection {

    /** The result of inspecting {@code file}; a refusal is a result, not an exception. */
    InspectionResult inspect(Path file);
}
