package org.reviewdesk.representative;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.reviewdesk.window.OrganisationCase;
import org.reviewdesk.window.OrganisationCases;
import org.reviewdesk.window.PersonOnCase;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Process 2 as the offline window sees it: the code's deregistration cases, and the people a case
 * names (the new representative, the agent) for the clerk's in-person identity check. Starting a case
 * at the window is {@link RepresentativeChanges#startAtWindow}.
 */
@Component
class RepresentativeWindow implements OrganisationCases {

    private final RepresentativeRecords records;

    RepresentativeWindow(RepresentativeRecords records) {
        this.records = records;
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrganisationCase> casesFor(String uscc) {
        return records.forCode(uscc).stream()
                .map(c -> new OrganisationCase("representative.workbench.processName", c.number(), c.state().messageKey(),
                        !c.state().isFinal(), c.createdAt(), c.state() == ChangeState.IN_REVIEW ? c.reviewDue() : null))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<List<PersonOnCase>> peopleOn(String caseRef) {
        return records.byNumber(caseRef).map(c -> {
            List<PersonOnCase> people = new ArrayList<>();
            people.add(new PersonOnCase("REPRESENTATIVE", "representative.workbench.field.newRepresentative",
                    c.representativeName(), c.representativeIdType(), c.representativeIdNumber()));
            if (c.agentApplies()) {
                people.add(new PersonOnCase("AGENT", "representative.workbench.field.agent", c.agentName(), c.agentIdType(),
                        c.agentIdNumber()));
            }
            return people;
        });
    }
}
