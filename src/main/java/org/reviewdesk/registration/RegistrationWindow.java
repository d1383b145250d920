package org.reviewdesk.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reviewdesk.accounts.EnterpriseAccount;
import org.reviewdesk.rules.UsccCheck;
import org.reviewdesk.rules.UsccValidator;
import org.reviewdesk.window.OrganisationCase;
import org.reviewdesk.window.OrganisationCases;
import org.reviewdesk.window.PersonOnCase;
import org.reviewdesk.window.WindowAction;
import org.reviewdesk.window.WindowActions;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registration as the offline window sees it: the code's applications, the people an
 * application names (for the in-person identity check), and "start a registration" for a code with
 * no active account, which opens the applicant form with the code filled in.
 */
@Component
class RegistrationWindow implements OrganisationCases, WindowActions {

    private final RegistrationRepository applications;

    RegistrationWindow(RegistrationRepository applications) {
        this.applications = applications;
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrganisationCase> casesFor(String uscc) {
        return applications.findByUsccOrderByIdDesc(uscc).stream()
                .filter(a -> a.number() != null)
                .map(a -> new OrganisationCase(RegistrationProcess.KEY, a.number(), a.state().messageKey(),
                        !a.state().isFinal(), a.createdAt(),
                        a.state() == RegistrationState.AWAITING_SUPPLEMENT ? a.supplementDue() : a.reviewDue()))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<List<PersonOnCase>> peopleOn(String caseRef) {
        return applications.findByNumber(caseRef).map(a -> {
            List<PersonOnCase> people = new ArrayList<>();
            people.add(new PersonOnCase("REPRESENTATIVE", "registration.workbench.field.representative",
                    a.representativeName(), a.representativeIdType(), a.representativeIdNumber()));
            if (a.agentApplies()) {
                people.add(new PersonOnCase("AGENT", "registration.workbench.field.agent",
                        a.agentName(), a.agentIdType(), a.agentIdNumber()));
            }
            return people;
        });
    }

    /** Sichuan bodies register online themselves (the portal's rule), so the window offers it only out of province. */
    @Override
    public List<WindowAction> actionsFor(String uscc, Optional<EnterpriseAccount> active) {
        boolean sichuan = UsccValidator.check(uscc) instanceof UsccCheck.Accepted code && code.isSichuan();
        if (active.isPresent() || sichuan) {
            return List.of();
        }
        return List.of(new WindowAction(100, "registration", "registration.window.start", "apply",
                Map.of(ApplicationFormView.USCC_PARAMETER, uscc)));
    }
}
