package org.reviewdesk.review;

import org.reviewdesk.documents.intake.DocumentReadPolicy;
import org.reviewdesk.platform.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Who may read a case's documents, for the documents capability: the roles that handle the case's
 * process, as its {@link CaseAdapter} declares them ({@link Handlers}: its workers and its supervising
 * role). The process is the one whose {@link CaseAdapter#caseRefShape()} the whole case reference
 * matches; a reference no process claims is read by nobody. Administrators and hotline agents read a
 * case's documents only where a process names their role among its handlers.
 */
@Component
class ProcessDocumentReaders implements DocumentReadPolicy {

    private final CaseAdapters adapters;

    ProcessDocumentReaders(CaseAdapters adapters) {
        this.adapters = adapters;
    }

    @Override
    public boolean mayRead(CurrentUser user, String caseRef) {
        return user != null && caseRef != null && adapters.all().stream()
                .filter(adapter -> adapter.caseRefShape().matcher(caseRef).matches())
                .anyMatch(adapter -> adapter.handlers().workedBy(user));
    }
}
