package org.reviewdesk.window;

import java.util.List;
import java.util.Optional;

/**
 * A process's cases as the window sees them. Each process contributes one bean; the window knows none
 * of them by name (as the review workbench knows processes only through their case adapters).
 */
public interface OrganisationCases {

    /** The process's cases for this credit code, newest first. */
    List<OrganisationCase> casesFor(String uscc);

    /** The people a case of this process names, for the identity check; empty when the case is not this process's. */
    Optional<List<PersonOnCase>> peopleOn(String caseRef);
}
