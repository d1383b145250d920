package org.reviewdesk.window;

import java.time.OffsetDateTime;

/**
 * A case of some process for an organisation, as the window lists it.
 *
 * @param processKey the process's key (its name comes from {@code StepNames})
 * @param caseRef the case's number, as the applicant and the reviewers know it
 * @param stateLabelKey the bundle key of its state
 * @param open whether it is still going on (drafts included: the applicant may be standing at the window)
 * @param due when its current step is due, or null
 */
public record OrganisationCase(String processKey, String caseRef, String stateLabelKey, boolean open,
                               OffsetDateTime createdAt, OffsetDateTime due) {
}
