package org.reviewdesk.window;

import java.util.List;
import java.util.Optional;

/**
 * A process's cases found by what a caller or a walk-in applicant says: the case's number, or the
 * mobile they gave as contact. Each process contributes one bean beside its {@link OrganisationCases};
 * {@link Organisations} asks them all and shows the cases through {@code OrganisationCases}. Both
 * lookups are exact and indexed (V23 indexes the contact mobiles).
 */
public interface CaseLookup {

    /** This process's case with this number (upper-case), with its code; empty when it is not this process's. */
    Optional<CaseHit> byNumber(String caseRef);

    /** This process's cases whose contact mobile this is (normalised 11 digits), newest first, at most {@code limit}. */
    List<CaseHit> byContactMobile(String mobile, int limit);

    /** The case's contact mobile in full, for an audited reveal; empty when the case is not this process's. */
    Optional<String> contactMobile(String caseRef);
}
