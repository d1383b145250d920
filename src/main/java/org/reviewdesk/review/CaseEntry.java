package org.reviewdesk.review;

import java.time.OffsetDateTime;

/**
 * One case as the case search lists it, written by its process through {@link CaseIndex#record} when
 * the case is created and whenever its state changes.
 *
 * @param processKey the process's BPMN key (its {@link CaseAdapter#processKey()})
 * @param caseRef the case number
 * @param phase where it stands across processes
 * @param state the process's own state (an enum name)
 * @param stateKey the message key of that state
 * @param code the credit code, or null
 * @param title what the case is about (the organisation's name), searched by fragment
 * @param createdAt when the case was started
 * @param receivedAt when it was submitted, or null while it is not
 * @param decidedBy the username of whoever took the final decision, or null
 * @param decidedAt when the case was decided or closed, or null
 */
public record CaseEntry(String processKey, String caseRef, CasePhase phase, String state, String stateKey, String code,
                        String title, OffsetDateTime createdAt, OffsetDateTime receivedAt, String decidedBy,
                        OffsetDateTime decidedAt) {
}
