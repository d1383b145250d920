package org.reviewdesk.registration;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostUpdate;
import org.reviewdesk.review.CaseEntry;
import org.reviewdesk.review.CaseIndex;
import org.reviewdesk.review.CasePhase;

/**
 * Writes an application's row of the case search whenever the entity is written (JPA callbacks, so no
 * state change of {@link RegistrationApplication} can miss it), in the same transaction. A draft is not
 * a case yet: it has no number and was not received.
 */
class RegistrationCaseEntries {

    private final CaseIndex cases;

    RegistrationCaseEntries(CaseIndex cases) {
        this.cases = cases;
    }

    @PostPersist
    @PostUpdate
    void written(RegistrationApplication a) {
        if (a.number() == null || a.state() == RegistrationState.DRAFT) {
            return;
        }
        RegistrationState state = a.state();
        boolean decided = state == RegistrationState.APPROVED || state == RegistrationState.REJECTED;
        cases.record(new CaseEntry(RegistrationProcess.KEY, a.number(), phase(state), state.name(), state.messageKey(), a.uscc(),
                a.name(), a.createdAt(), a.submittedAt(), decided ? a.decidedBy() : null, a.decidedAt()));
    }

    static CasePhase phase(RegistrationState state) {
        return switch (state) {
            case AWAITING_SUPPLEMENT -> CasePhase.WAITING_APPLICANT;
            case APPROVED -> CasePhase.COMPLETED;
            case REJECTED -> CasePhase.REJECTED;
            case WITHDRAWN, STOPPED -> CasePhase.ENDED;
            case DRAFT, SUBMITTED, IN_REVIEW -> CasePhase.IN_PROGRESS;
        };
    }
}
