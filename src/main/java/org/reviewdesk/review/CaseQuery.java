package org.reviewdesk.review;

import java.time.LocalDate;

/**
 * A case search: every part optional (null or blank: no filter).
 *
 * @param text a case number, a credit code or a fragment of the name (two characters or more)
 * @param processKey one process
 * @param phase where the cases stand
 * @param receivedFrom received on or after this day (business zone)
 * @param receivedTo received on or before this day
 * @param decidedBy the username of whoever decided
 */
public record CaseQuery(String text, String processKey, CasePhase phase, LocalDate receivedFrom, LocalDate receivedTo,
                        String decidedBy) {

    public static final CaseQuery ALL = new CaseQuery(null, null, null, null, null, null);
}
