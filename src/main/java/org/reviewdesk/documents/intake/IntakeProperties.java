package org.reviewdesk.documents.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of document intake ({@code reviewdesk.documents.intake}); the file limits themselves are
 * {@code reviewdesk.documents.inspection} ({@link org.reviewdesk.documents.inspection.InspectionLimits}).
 *
 * @param orphanGrace how old an object without a record must be before the sweep removes it; far
 *     longer than any upload takes between storing the object and committing its record
 * @param sweepInterval time between two sweeps (ISO-8601, e.g. PT1H); one node of the cluster sweeps
 * @param previewThreads renderings that run at the same time on one node
 * @param previewQueue renderings waiting on one node; beyond it a document's previews are FAILED (retryable)
 */
@ConfigurationProperties("reviewdesk.documents.intake")
public record IntakeProperties(
        @DefaultValue("24h") Duration orphanGrace,
        @DefaultValue("1h") Duration sweepInterval,
        @DefaultValue("2") int previewThreads,
        @DefaultValue("100") int previewQueue) {

    public static final IntakeProperties DEFAULTS = new IntakeProperties(Duration.ofHours(24), Duration.ofHours(1), 2, 100);

    public IntakeProperties {
        if (orphanGrace.isNegative() || sweepInterval.isNegative() || sweepInterval.isZero()
                || previewThreads < 1 || previewQueue < 1) {
            throw new IllegalArgumentException("reviewdesk.documents.intake: invalid " + orphanGrace + ", "
                    + sweepInterval + ", " + previewThreads + ", " + previewQueue);
        }
    }
}
