package org.reviewdesk.operations;

import java.time.OffsetDateTime;

/** A job that failed on every attempt (no retries left): the engine stopped trying and raised an incident. */
public record FailedJob(String id, String processKey, String processName, String processInstanceId, String businessKey,
                        String activityId, String activityName, String exceptionMessage, OffsetDateTime createdAt) {
}
