package org.reviewdesk.namechange;

/**
 * Where a name change stands, as its applicant and the reviewer see it. STARTED: opened (online
 * through the API or at the window) and waiting for its licence and the submit; WITHDRAWN: started
 * and never submitted, released when another start for the code found it stale.
 */
public enum NameChangeState {
    STARTED, CHECKING, IN_REVIEW, AWAITING_LICENCE, RENAMED, REJECTED, STOPPED, WITHDRAWN;

    public String messageKey() {
        return "namechange.state." + name();
    }

    public boolean isFinal() {
        return this == RENAMED || this == REJECTED || this == STOPPED || this == WITHDRAWN;
    }
}
