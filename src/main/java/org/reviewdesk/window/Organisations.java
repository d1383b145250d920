package org.reviewdesk.window;

import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.reviewdesk.accounts.AccountMatch;
import org.reviewdesk.accounts.AccountName;
import org.reviewdesk.accounts.EnterpriseAccount;
import org.reviewdesk.accounts.EnterpriseAccounts;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * What the desk knows of an organisation, read-only, for the staff who serve people in person or on
 * the phone: window clerks, hotline agents and supervisors. Accounts by credit code, any name they have
 * had or their representative's mobile; every process's cases for a code ({@link OrganisationCases}),
 * by number or by contact mobile ({@link CaseLookup}). Nobody here decides anything, and each screen
 * keeps its own service for what only its role may do ({@link WindowDesk} for the window).
 */
@Service
public class Organisations {

    /** The roles that look organisations up for the people they serve. */
    public static final Set<Role> SERVING = Set.copyOf(EnumSet.of(Role.WINDOW_CLERK, Role.HOTLINE_AGENT, Role.SUPERVISOR));

    private final EnterpriseAccounts accounts;
    private final List<OrganisationCases> cases;
    private final List<CaseLookup> lookups;

    Organisations(EnterpriseAccounts accounts, List<OrganisationCases> cases, List<CaseLookup> lookups) {
        this.accounts = accounts;
        this.cases = cases;
        this.lookups = lookups;
    }

    /** Accounts by credit code (exactly) or a fragment of any name they have had; ACTIVE first. */
    @RolesAllowed({Role.WINDOW_CLERK_NAME, Role.HOTLINE_AGENT_NAME, Role.SUPERVISOR_NAME})
    public List<AccountMatch> byCodeOrName(String query, int limit) {
        serving();
        return accounts.search(query, 0, limit);
    }

    /** Accounts whose representative's mobile this is (normalised). */
    @RolesAllowed({Role.WINDOW_CLERK_NAME, Role.HOTLINE_AGENT_NAME, Role.SUPERVISOR_NAME})
    public List<EnterpriseAccount> byRepresentativeMobile(String mobile, int limit) {
        serving();
        return accounts.withRepresentativeMobile(mobile, limit);
    }

    /** The case with this number, in whichever process has it. */
    @RolesAllowed({Role.WINDOW_CLERK_NAME, Role.HOTLINE_AGENT_NAME, Role.SUPERVISOR_NAME})
    public Optional<CaseHit> caseByNumber(String caseRef) {
        serving();
        return lookups.stream().flatMap(l -> l.byNumber(caseRef).stream()).findFirst();
    }

    /** Every process's cases whose contact mobile this is, at most {@code limit} per process. */
    @RolesAllowed({Role.WINDOW_CLERK_NAME, Role.HOTLINE_AGENT_NAME, Role.SUPERVISOR_NAME})
    public List<CaseHit> casesByContactMobile(String mobile, int limit) {
        serving();
        return lookups.stream().flatMap(l -> l.byContactMobile(mobile, limit).stream()).toList();
    }

    /** A case's contact mobile in full: only for an audited reveal ({@code platform.PersonalDataReveals}). */
    @RolesAllowed({Role.WINDOW_CLERK_NAME, Role.HOTLINE_AGENT_NAME, Role.SUPERVISOR_NAME})
    public Optional<String> contactMobile(String caseRef) {
        serving();
        return lookups.stream().flatMap(l -> l.contactMobile(caseRef).stream()).findFirst();
    }

    /** Every account the code has had, newest first (each with the representative of its time). */
    @RolesAllowed({Role.WINDOW_CLERK_NAME, Role.HOTLINE_AGENT_NAME, Role.SUPERVISOR_NAME})
    public List<EnterpriseAccount> accounts(String uscc) {
        serving();
        return accounts.history(uscc);
    }

    @RolesAllowed({Role.WINDOW_CLERK_NAME, Role.HOTLINE_AGENT_NAME, Role.SUPERVISOR_NAME})
    public List<AccountName> names(long accountId) {
        serving();
        return accounts.names(accountId);
    }

    /** Every process's cases for the code: open ones first, then newest first. */
    @RolesAllowed({Role.WINDOW_CLERK_NAME, Role.HOTLINE_AGENT_NAME, Role.SUPERVISOR_NAME})
    public List<OrganisationCase> cases(String uscc) {
        serving();
        return cases.stream().flatMap(p -> p.casesFor(uscc).stream())
                .sorted(Comparator.comparing(OrganisationCase::open).reversed()
                        .thenComparing(OrganisationCase::createdAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    private static void serving() {
        CurrentUser user = CurrentUser.require();
        if (SERVING.stream().noneMatch(user::has)) {
            throw new AccessDeniedException(user.username() + " serves no callers or walk-in applicants");
        }
    }
}
