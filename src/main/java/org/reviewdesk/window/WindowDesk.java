package org.reviewdesk.window;

import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.reviewdesk.accounts.AccountMatch;
import org.reviewdesk.accounts.AccountName;
import org.reviewdesk.accounts.EnterpriseAccount;
import org.reviewdesk.accounts.EnterpriseAccounts;
import org.reviewdesk.platform.CurrentUser;
import org.reviewdesk.platform.Role;
import org.reviewdesk.rules.UsccCheck;
import org.reviewdesk.rules.UsccValidator;
import org.springframework.stereotype.Service;

/**
 * What the window clerk looks up: organisations by code or any name they have had, their cases in
 * every process, and what can be started for them. Reads only; window clerks decide nothing.
 */
@Service
public class WindowDesk {

    static final int MAX_MATCHES = 50;

    private final EnterpriseAccounts accounts;
    private final List<OrganisationCases> cases;
    private final List<WindowActions> actions;

    WindowDesk(EnterpriseAccounts accounts, List<OrganisationCases> cases, List<WindowActions> actions) {
        this.accounts = accounts;
        this.cases = cases;
        this.actions = actions;
    }

    @RolesAllowed(Role.WINDOW_CLERK_NAME)
    public List<AccountMatch> find(String query) {
        clerk();
        return accounts.search(query, 0, MAX_MATCHES);
    }

    /** The code the query is, if it is a well-formed credit code (normalised). */
    public static Optional<String> codeOf(String query) {
        return UsccValidator.check(query) instanceof UsccCheck.Accepted code ? Optional.of(code.normalised()) : Optional.empty();
    }

    @RolesAllowed(Role.WINDOW_CLERK_NAME)
    public List<AccountName> names(long accountId) {
        clerk();
        return accounts.names(accountId);
    }

    /** Every process's cases for the code: open ones first, then newest first. */
    @RolesAllowed(Role.WINDOW_CLERK_NAME)
    public List<OrganisationCase> cases(String uscc) {
        clerk();
        return cases.stream().flatMap(p -> p.casesFor(uscc).stream())
                .sorted(Comparator.comparing(OrganisationCase::open).reversed()
                        .thenComparing(OrganisationCase::createdAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    @RolesAllowed(Role.WINDOW_CLERK_NAME)
    public List<WindowAction> actions(String uscc) {
        clerk();
        Optional<EnterpriseAccount> active = accounts.findActive(uscc);
        return actions.stream().flatMap(a -> a.actionsFor(uscc, active).stream())
                .sorted(Comparator.comparingInt(WindowAction::order)).toList();
    }

    private static void clerk() {
        CurrentUser.require().requireRole(Role.WINDOW_CLERK);
    }
}
