package org.reviewdesk.operations;

import java.time.OffsetDateTime;

/**
 * An open Camunda incident as the operations view shows it. {@code jobId} and {@code retries} are
 * set for a failed job's incident (retrying the job resolves it); a custom incident has neither and
 * is resolved by hand.
 */
public record OpenIncident(String id, String type, String processKey, String processName, String processInstanceId,
                           String businessKey, String activityId, String activityName, String message,
                           OffsetDateTime occurredAt, String jobId, Integer retries) {

    /** Retrying the job is the way out: the engine resolves the incident when the job gets retries again. */
    public boolean retryable() {
        return jobId != null;
    }

    /** Raised by a process or an operator, not by the engine's job or external-task handling. */
    public boolean custom() {
        return !Operations.ENGINE_INCIDENT_TYPES.contains(type);
    }
}
