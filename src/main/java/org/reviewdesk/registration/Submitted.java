package org.reviewdesk.registration;

import java.time.OffsetDateTime;

/** A submitted application; submitting again returns the same. */
public record Submitted(String applicationNumber, RegistrationState state, OffsetDateTime submittedAt) {
}
