package org.reviewdesk.namechange;

import java.util.List;
import java.util.Optional;
import org.reviewdesk.window.OrganisationCase;
import org.reviewdesk.window.OrganisationCases;
import org.reviewdesk.window.PersonOnCase;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Process 3 as the offline window and the hotline's organisation lookup see it: the code's name
 * changes, open ones first by recency. A name change names no one whose ID document the window
 * checks against the case (the applicant gives a name and a mobile, no ID number), so its cases have
 * no people for the in-person check. Starting, scanning the licence, submitting and printing the
 * receipt at the window are {@link NameChanges#startAtWindow}, {@link NameChanges#uploadAtWindow},
 * {@link NameChanges#submitAtWindow} and {@link NameChanges#receiptPdf(String, org.reviewdesk.platform.CurrentUser)}.
 */
@Component
class NameChangeWindow implements OrganisationCases {

    private final NameChangeRecords records;

    NameChangeWindow(NameChangeRecords records) {
        this.records = records;
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrganisationCase> casesFor(String uscc) {
        if (uscc == null || uscc.isBlank()) {
            return List.of();
        }
        return records.forCode(uscc.strip().toUpperCase(java.util.Locale.ROOT)).stream()
                .map(c -> new OrganisationCase("namechange.workbench.processName", c.number(), c.state().messageKey(),
                        !c.state().isFinal(), c.createdAt(), c.state() == NameChangeState.IN_REVIEW ? c.reviewDue() : null))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<List<PersonOnCase>> peopleOn(String caseRef) {
        return caseRef == null ? Optional.empty() : records.byNumber(caseRef).map(c -> List.of());
    }
}
